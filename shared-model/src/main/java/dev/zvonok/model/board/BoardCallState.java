package dev.zvonok.model.board;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where one of an operator's calls stands, as the board shows it. */
public enum BoardCallState {
    RINGING,
    TALKING,
    HOLD,
    /** The call ended; its card waits for "Finish and close". */
    WRAPUP;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
