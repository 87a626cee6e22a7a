package dev.zvonok.model.call;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a call ended, as a whole.
 *
 * <p>For inbound and internal calls "answered" means an operator took it; it is never {@link #MISSED} when anybody
 * answered. For outbound calls "answered" means the called party picked up.
 */
public enum CallDisposition {
    ANSWERED,
    /** Operators' phones rang and nobody picked up before the PBX gave up. */
    MISSED,
    /** Every phone that was tried answered busy, or its operator rejected the call. */
    BUSY,
    /** The caller hung up before anybody answered (while ringing or waiting in a queue). */
    ABANDONED,
    /** The call never reached a phone: no route, congestion, unavailable device, or an outbound call not answered. */
    FAILED,
    /**
     * How the call ended was not observed: the server lost sight of the PBX (a cut AMI link) while nobody had
     * answered, and the call was gone when it looked again. Nothing is guessed: it may have been answered, missed or
     * abandoned meanwhile.
     */
    UNKNOWN;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
