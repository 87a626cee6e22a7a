package dev.zvonok.server.tracking;

import dev.zvonok.model.call.OfferResult;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One operator's part in a call, whatever the number of their devices that ring for it (a desk phone and a softphone
 * on one PJSIP AOR ring as two legs: still one offer). Mutable; owned by the tracking thread.
 */
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
    /** The leg that answered (the conversation's), else the latest leg that rings. */
    TrackedChannel device;
    /** Every live leg of this operator's devices for the current ring or conversation. */
    final Set<TrackedChannel> legs = new LinkedHashSet<>();
    /** The phone actually rang (Ringing state): a busy answer after that is the operator declining. */
    boolean rang;
    boolean onHold;
    /** When the current hold began; null while the caller is not on hold. */
    Instant heldSince;
    /** The holds that are over, summed. */
    long holdMs;
    /** Taken by call pickup: the operator's phone did not ring, it picked the call up from another. */
    boolean pickedUp;

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

    /** Some device of this operator still rings (a leg whose ring has not ended). */
    boolean ringsOnAnyDevice() {
        for (TrackedChannel leg : legs) {
            if (leg.ringEnd == null) {
                return true;
            }
        }
        return false;
    }

    /** The caller was put on hold, or taken off it, at {@code at}. */
    void hold(boolean held, Instant at) {
        if (held) {
            heldSince = at;
        } else {
            stopHold(at);
        }
        onHold = held;
    }

    /** Ends a running hold at {@code at}: the part ended (a hang-up, a transfer) with the caller still on hold. */
    void stopHold(Instant at) {
        if (heldSince != null) {
            holdMs += Math.max(0, at.toEpochMilli() - heldSince.toEpochMilli());
            heldSince = null;
        }
        onHold = false;
    }

    OfferRecord toRecord() {
        return new OfferRecord(extension, result, ringAt, answerAt, endAt, transferredFrom, transferredTo, pickedUp,
                answerAt == null ? null : holdMs);
    }
}
