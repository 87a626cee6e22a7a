package dev.zvonok.server.pbx;

/**
 * What the phone an {@code Originate} rings does, as Asterisk reports it in {@code OriginateResponse}'s
 * {@code Reason}: the control frame that ended the dialling (main/pbx.c {@code pbx_dial_reason}), the same in
 * Asterisk 20 and 22.
 */
public enum RungPhone {

    /** Picked up: {@code Response: Success}, {@code Reason: 4} (AST_CONTROL_ANSWER). */
    ANSWERS(4),
    /** Rang until the Originate's timeout: {@code Reason: 3} (AST_CONTROL_RINGING, the cause NO_ANSWER). */
    NOT_ANSWERED(3),
    /** Rang, then hung up unanswered (the user declined the call): {@code Reason: 1} (AST_CONTROL_HANGUP). */
    DECLINES(1),
    /** Busy (the cause USER_BUSY): {@code Reason: 5} (AST_CONTROL_BUSY). */
    BUSY(5),
    /** Rejected, out of order, congested: {@code Reason: 8} (AST_CONTROL_CONGESTION). */
    CONGESTION(8),
    /** Not reachable at all (an unknown or unregistered endpoint, the cause UNALLOCATED...): {@code Reason: 0}. */
    UNREACHABLE(0);

    private final int reason;

    RungPhone(int reason) {
        this.reason = reason;
    }

    /** {@code OriginateResponse}'s {@code Reason}. */
    public int reason() {
        return reason;
    }

    public boolean answers() {
        return this == ANSWERS;
    }
}
