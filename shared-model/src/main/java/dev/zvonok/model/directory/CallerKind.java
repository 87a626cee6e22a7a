package dev.zvonok.model.directory;

import com.fasterxml.jackson.annotation.JsonValue;

/** Who a phone number belongs to, in the order the directory looks: a user, a dealer, a company, or nobody known. */
public enum CallerKind {
    USER,
    DEALER,
    COMPANY,
    UNKNOWN;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
