package dev.zvonok.server.tracking;

import dev.zvonok.model.call.OfferResult;
import dev.zvonok.model.call.TransferKind;
import java.time.Instant;

/**
 * What the call tracker tells the rest of the server: the life of calls and of their offers, in PBX order.
 *
 * <p>An <em>offer</em> is one operator's phone ringing for one call. There is exactly one offer per (call, extension);
 * a phone that rings again for the same call (a queue's next round) reuses it.
 */
public sealed interface CallEvent {

    /** The call's id: Asterisk's Linkedid of its first channel. */
    String callId();

    /** When it happened on the PBX. */
    Instant at();

    /** A new call appeared on the PBX (its first channel). */
    record CallStarted(String callId, Instant at, CallInfo call) implements CallEvent {
    }

    /**
     * An operator's phone rings for a call. {@code transferredFrom} names the operator who passed the call on, when
     * it rings because of a transfer.
     */
    record OfferRinging(String callId, Instant at, String extension, CallInfo call, String transferredFrom)
            implements CallEvent {
    }

    /**
     * The operator went off-hook for this call. {@code channel} names the PBX channel that carries the operator's
     * part of the conversation ({@code PJSIP/777-00000012}), the one a supervisor listens to; null when unknown.
     */
    record OfferAnswered(String callId, Instant at, String extension, CallInfo call, String channel)
            implements CallEvent {

        public OfferAnswered(String callId, Instant at, String extension, CallInfo call) {
            this(callId, at, extension, call, null);
        }
    }

    /**
     * The offer is over for this operator: the phone stopped ringing, or the operator's part of the conversation
     * ended. {@code answeredBy} names who took the call instead when the result is
     * {@link OfferResult#ANSWERED_ELSEWHERE}.
     */
    record OfferEnded(String callId, Instant at, String extension, OfferResult result, String answeredBy)
            implements CallEvent {
    }

    /** An operator passed the call on; {@code to} is the target as dialled (an extension, a queue, a number). */
    record CallTransferred(String callId, Instant at, String from, String to, TransferKind kind) implements CallEvent {
    }

    /** The operator put the caller on hold. */
    record CallHeld(String callId, Instant at, String extension) implements CallEvent {
    }

    /** The operator took the caller off hold. */
    record CallResumed(String callId, Instant at, String extension) implements CallEvent {
    }

    /**
     * A consultation call (an operator called a colleague from the phone before an attended transfer) became part of
     * this call; {@code absorbedCallId} will not be reported on its own.
     */
    record CallsMerged(String callId, Instant at, String absorbedCallId) implements CallEvent {
    }

    /** The last channel of the call hung up: the record is final. */
    record CallEnded(String callId, Instant at, CallRecord record) implements CallEvent {
    }
}
