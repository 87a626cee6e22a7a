package dev.zvonok.model.board;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What the operator chose in the app ({@code status_work} in a call centre's own records): ready for calls, or on a
 * break with a reason. Logging out or closing the app is not a work status: the board shows it as
 * {@link OperatorState#OFFLINE}.
 */
public enum WorkStatus {
    AVAILABLE,
    BREAK;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
