package dev.zvonok.model.call;

import com.fasterxml.jackson.annotation.JsonValue;

public enum TransferKind {
    /** Passed on without talking to the target first (BlindTransfer, Redirect). */
    BLIND,
    /** Passed on after a consultation call with the target (AttendedTransfer). */
    ATTENDED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
