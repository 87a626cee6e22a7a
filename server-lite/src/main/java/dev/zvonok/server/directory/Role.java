package dev.zvonok.server.directory;

import java.util.Locale;

/** What a user may do: operators take calls, supervisors also watch everyone's, admins also edit the directory. */
public enum Role {
    ADMIN,
    SUPERVISOR,
    OPERATOR;

    /** The value kept in {@code users.role}. */
    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
