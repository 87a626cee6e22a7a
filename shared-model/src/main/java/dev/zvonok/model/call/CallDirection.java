package dev.zvonok.model.call;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which way a call goes, seen from the call centre. */
public enum CallDirection {
    /** A caller from outside (a trunk) rings the call centre. */
    INBOUND,
    /** An operator calls an outside number, from the desk phone or by click-to-call. */
    OUTBOUND,
    /** One extension calls another; no trunk is involved. */
    INTERNAL;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
