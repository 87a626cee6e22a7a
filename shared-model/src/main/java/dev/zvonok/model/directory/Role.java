package dev.zvonok.model.directory;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a user may do: operators take calls, supervisors watch all of them, admins manage the directory. */
public enum Role {
    OPERATOR,
    SUPERVISOR,
    ADMIN;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The role named {@code operator}, {@code supervisor} or {@code admin} (as on the wire and in the database). */
    public static Role of(String wireName) {
        return valueOf(wireName.toUpperCase(java.util.Locale.ROOT));
    }
}
