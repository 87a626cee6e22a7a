package dev.zvonok.model.board;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a supervisor joins an operator's call from the board (what FOP2 and QPanel offer): the supervisor's own phone
 * rings, and once picked up it hears the call, or speaks to the operator alone, or speaks to both.
 */
public enum SpyMode {
    /** Hears both sides; nobody hears the supervisor. */
    LISTEN,
    /** Hears both sides; the operator hears the supervisor, the caller does not (coaching). */
    WHISPER,
    /** Joins the conversation: both hear the supervisor. */
    BARGE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
