package dev.zvonok.server.tracking;

import dev.zvonok.model.call.OfferResult;
import java.time.Instant;

/** One operator's part in a call. Mutable; owned by the tracking thread. */
final class TrackedOffer {

    enum State { RINGING, ANSWERED, ENDED }

    final String extension;
    final Instant ringAt;
    State state = State.RINGING;
    OfferResult result;
    Instant answerAt;
    Instant endAt;
    String transferredFrom;
    String transferredTo;
    /** The phone's leg for the current ring or conversation. */
    TrackedChannel device;
    /** The phone actually rang (Ringing state): a busy answer after that is the operator declining. */
    boolean rang;
    boolean onHold;

    TrackedOffer(String extension, Instant ringAt) {
        this.extension = extension;
        this.ringAt = ringAt;
    }

    boolean isRinging() {
        return state == State.RINGING;
    }

    boolean isAnswered() {
        return state == State.ANSWERED;
    }

    boolean isOpen() {
        return state != State.ENDED;
    }

    OfferRecord toRecord() {
        return new OfferRecord(extension, result, ringAt, answerAt, endAt, transferredFrom, transferredTo);
    }
}
