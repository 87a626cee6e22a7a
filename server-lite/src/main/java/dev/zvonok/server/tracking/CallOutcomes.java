package dev.zvonok.server.tracking;

import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.call.HangupSide;
import dev.zvonok.model.call.OfferResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** How offers and calls end: the tracker's rules for results and dispositions, and the final record. */
final class CallOutcomes {

    /** Q.850 causes Asterisk puts on a ringing leg's Hangup. */
    private static final int CAUSE_USER_BUSY = 17;
    private static final int CAUSE_NO_USER_RESPONSE = 18;
    private static final int CAUSE_NO_ANSWER = 19;
    private static final int CAUSE_CALL_REJECTED = 21;
    private static final int CAUSE_ANSWERED_ELSEWHERE = 26;

    private CallOutcomes() {
    }

    /** Why a phone stopped ringing without being answered, from its leg's Hangup cause and what else happened. */
    static OfferResult ringEndedBy(TrackedCall call, TrackedOffer offer, int cause) {
        return switch (cause) {
            case CAUSE_ANSWERED_ELSEWHERE -> OfferResult.ANSWERED_ELSEWHERE;
            case CAUSE_USER_BUSY -> offer.rang ? OfferResult.REJECTED : OfferResult.BUSY;
            case CAUSE_CALL_REJECTED -> OfferResult.REJECTED;
            case CAUSE_NO_ANSWER, CAUSE_NO_USER_RESPONSE -> OfferResult.MISSED;
            default -> unansweredOutcome(call);
        };
    }

    /** A ring that stopped for no reason of the phone's own: somebody else answered, the caller left, or time ran out. */
    static OfferResult unansweredOutcome(TrackedCall call) {
        if (call.firstAnswer != null) {
            return OfferResult.ANSWERED_ELSEWHERE;
        }
        return call.callerAbandoned ? OfferResult.ABANDONED : OfferResult.MISSED;
    }

    /**
     * Whether a caller hanging up before an answer gives up on a call that still tries to reach somebody: a phone
     * rings, or none rang yet (an announcement, a queue). When every ring already ended unanswered, the call was
     * missed before the caller left (voicemail, a "nobody is available" message): not an abandoned call.
     */
    static boolean callerStillWaits(TrackedCall call) {
        if (call.offers.isEmpty()) {
            return true;
        }
        for (TrackedOffer offer : call.offers.values()) {
            if (offer.isRinging()) {
                return true;
            }
        }
        return false;
    }

    /** Every ring of the call ended with an outcome that was seen (missed, busy...), before anything vanished. */
    private static boolean everyOfferEnded(TrackedCall call) {
        if (call.offers.isEmpty()) {
            return false;
        }
        for (TrackedOffer offer : call.offers.values()) {
            if (offer.result == null || offer.result == OfferResult.UNKNOWN) {
                return false;
            }
        }
        return true;
    }

    static CallRecord record(TrackedCall call, Instant endAt) {
        List<OfferRecord> offers = new ArrayList<>(call.offers.size());
        for (TrackedOffer offer : call.offers.values()) {
            offers.add(offer.toRecord());
        }
        boolean outbound = call.direction == CallDirection.OUTBOUND;
        Instant answerAt = outbound ? call.outsideAnsweredAt
                : call.firstAnswer == null ? null : call.firstAnswer.answerAt;
        return new CallRecord(
                call.id,
                call.direction,
                call.callerNumber,
                call.dialedNumber,
                call.queue,
                disposition(call),
                outbound || call.firstAnswer == null ? null : call.firstAnswer.extension,
                offers,
                call.transfers,
                call.startAt,
                answerAt,
                endAt,
                call.hangupSide == null ? HangupSide.PBX : call.hangupSide,
                call.hangupCause,
                call.hangupCauseText);
    }

    static CallDisposition disposition(TrackedCall call) {
        if (call.isAnswered()) {
            return CallDisposition.ANSWERED;
        }
        if (call.endUnobserved && !call.callerAbandoned && !everyOfferEnded(call)) {
            return CallDisposition.UNKNOWN; // nobody was seen answering, and the end was not seen: no guess
        }
        if (call.direction == CallDirection.OUTBOUND) {
            if (call.outsideBusy) {
                return CallDisposition.BUSY;
            }
            return call.callerAbandoned ? CallDisposition.ABANDONED : CallDisposition.FAILED;
        }
        if (call.callerAbandoned) {
            return CallDisposition.ABANDONED;
        }
        if (!call.offers.isEmpty() && call.offers.values().stream()
                .allMatch(o -> o.result == OfferResult.BUSY || o.result == OfferResult.REJECTED)) {
            return CallDisposition.BUSY;
        }
        return call.offers.isEmpty() && call.queue == null ? CallDisposition.FAILED : CallDisposition.MISSED;
    }
}
