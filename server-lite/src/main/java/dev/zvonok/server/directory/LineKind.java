package dev.zvonok.server.directory;

import dev.zvonok.model.phone.PhoneNumbers;
import java.util.Locale;

/** A way into the call centre: an incoming number (DID) the PBX answers, or one of its queues. */
public enum LineKind {
    DID,
    QUEUE;

    /** The value kept in {@code lines.kind}, and said on the wire. */
    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The form a line of this kind is matched by: a DID's comparable number, a queue's name as the PBX spells it.
     *
     * @throws IllegalArgumentException for a DID that is no phone number
     */
    public String normalize(PhoneNumbers numbers, String number) {
        return this == DID ? DirectoryWrites.normalizeEntered(numbers, number) : number.strip();
    }

    public static LineKind fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
