package dev.zvonok.server.sim;

/**
 * A stretch of time in a call during which the PBX says nothing (apart from RTCP reports): somebody is ringing,
 * talking, holding, or the PBX waits on a timer.
 *
 * <p>A wait is measured as the idle gap between two bursts of events: from the last event of the burst that starts
 * it (e.g. the answer) to the first event of the burst that ends it (e.g. the hangup).
 */
public enum Wait {
    /** The called phone rings (for a click-to-call: the outside party's phone rings). */
    RING(Kind.RINGING),
    /** The operator's own phone rings first, before the PBX dials out (click-to-call). */
    OPERATOR_RING(Kind.RINGING),
    /** The direct-DID dial timeout runs out: the dialplan's {@code Dial(SIP/ext,6,tT)} gives up after 6 s. */
    NO_ANSWER_TIMEOUT(Kind.PBX_TIMER),
    /** The two sides talk (for a transfer: before the transfer starts). */
    TALK(Kind.TALKING),
    /** The operator holds the caller (music on hold). */
    HOLD(Kind.HOLDING),
    /** The two sides talk again after the hold. */
    TALK_AFTER_HOLD(Kind.TALKING),
    /** Attended transfer: features.conf {@code transferdigittimeout} (3 s) after the last dialled digit. */
    TRANSFER_DIGIT_TIMEOUT(Kind.PBX_TIMER),
    /** The transfer target's phone rings. */
    TARGET_RING(Kind.RINGING),
    /** Attended transfer: the operator consults the target while the caller holds. */
    CONSULT_TALK(Kind.TALKING),
    /** The caller talks with the transfer target. */
    TARGET_TALK(Kind.TALKING);

    /** What fills the wait; a load generator varies the human kinds and leaves the PBX timers as recorded. */
    public enum Kind { RINGING, TALKING, HOLDING, PBX_TIMER }

    private final Kind kind;

    Wait(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
