package dev.zvonok.model.call;

import com.fasterxml.jackson.annotation.JsonValue;

/** Who ended a call: the party that called, the party that was called, or the PBX itself (timeout, busy). */
public enum HangupSide {
    CALLER,
    CALLEE,
    PBX;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
