package dev.zvonok.model.board;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What an operator is doing now, as the board shows it. Derived on the server from the calls the PBX reports, the
 * operator's app connections and the work status the operator chose; a call outranks the work status (an operator on
 * a break who picks up a ringing phone is talking).
 */
public enum OperatorState {
    /** No app connected and no call. */
    OFFLINE,
    /** Connected, not on a break, no call. */
    AVAILABLE,
    /** A phone of the operator rings and none of the operator's calls is up. */
    RINGING,
    /** On a call. */
    TALKING,
    /** Every call of the operator that is up is on hold. */
    HOLD,
    /** A call ended and its card waits for "Finish and close": the work after the call. */
    WRAPUP,
    /** On a break, with a reason. */
    BREAK;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
