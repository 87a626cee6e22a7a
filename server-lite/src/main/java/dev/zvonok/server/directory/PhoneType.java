package dev.zvonok.server.directory;

import java.util.Locale;

/** Kinds of a user's numbers: the desk phone's extension rings for calls; the others identify the user calling in. */
public enum PhoneType {
    EXTENSION,
    MOBILE,
    LANDLINE;

    /** The value kept in {@code user_phones.type}. */
    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PhoneType fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
