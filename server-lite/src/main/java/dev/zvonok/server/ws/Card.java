package dev.zvonok.server.ws;

import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.call.OfferResult;
import dev.zvonok.model.ws.ActiveCall;
import dev.zvonok.model.ws.ServerMessage.IncomingCall;
import java.time.Instant;
import java.util.List;

/**
 * One operator's card for one call: what popped up, and where it stands. Owned by the delivery thread.
 *
 * @see LiveCalls
 */
final class Card {

    final long userId;
    IncomingCall incoming;
    ActiveCall.State state = ActiveCall.State.RINGING;
    Instant answeredAt;
    Instant endedAt;
    OfferResult result;
    CallDisposition disposition;

    Card(long userId, IncomingCall incoming) {
        this.userId = userId;
        this.incoming = incoming;
    }

    /** Drops the caller's earlier calls from the card: it waits for "Finish and close" now, not to be answered. */
    void forgetHistory() {
        incoming = incoming.withHistory(List.of());
    }

    String callId() {
        return incoming.callId();
    }

    String extension() {
        return incoming.extension();
    }

    /** The operator talked (or passed the call on): the card stays until "Finish and close". */
    boolean awaitsFinish() {
        return state == ActiveCall.State.ENDED;
    }

    ActiveCall snapshot(dev.zvonok.model.call.CallNotes notes) {
        return new ActiveCall(incoming, state, answeredAt, endedAt, disposition, notes);
    }
}
