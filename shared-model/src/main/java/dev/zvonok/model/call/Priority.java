package dev.zvonok.model.call;

import com.fasterxml.jackson.annotation.JsonValue;

/** How urgent the operator marked a call on its card. */
public enum Priority {
    LOW,
    NORMAL,
    HIGH,
    URGENT;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
