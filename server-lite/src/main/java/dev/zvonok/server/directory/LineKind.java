package dev.zvonok.server.directory;

import java.util.Locale;

/** A way into the call centre: an incoming number (DID) the PBX answers, or one of its queues. */
public enum LineKind {
    DID,
    QUEUE;

    /** The value kept in {@code lines.kind}, and said on the wire. */
    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LineKind fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
