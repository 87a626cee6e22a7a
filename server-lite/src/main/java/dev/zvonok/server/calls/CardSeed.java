package dev.zvonok.server.calls;

import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.ws.ServerMessage;
import java.time.Instant;
import java.util.Objects;

/**
 * What the WebSocket layer knows of a call from the ring, enough to create its row and the operator's offer when a
 * card is saved before the recorder wrote them. The recorder completes both rows later (who the caller is, answer and
 * end times, the result); it never overwrites what an operator wrote.
 *
 * @param callerNumber    as the tracker gave it; may be null (withheld)
 * @param dialedNumber    may be null
 * @param queue           may be null
 * @param startedAt       when the call began; the earlier of this and the recorder's time is kept
 * @param ringAt          when the operator's phone began to ring
 * @param transferredFrom the extension that passed the call to this operator, or null
 */
public record CardSeed(CallDirection direction, String callerNumber, String dialedNumber, String queue,
                       Instant startedAt, Instant ringAt, String transferredFrom) {

    public CardSeed {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(ringAt, "ringAt");
        startedAt = startedAt == null || startedAt.isAfter(ringAt) ? ringAt : startedAt;
    }

    /** The seed of the ring the operator was sent; the call started at the latest then. */
    public static CardSeed of(ServerMessage.IncomingCall ring) {
        return new CardSeed(ring.direction(), ring.callerNumber(), ring.dialed(), ring.queue(), ring.ringAt(),
                ring.ringAt(), ring.transferredFrom());
    }
}
