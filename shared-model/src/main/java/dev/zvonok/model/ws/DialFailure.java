package dev.zvonok.model.ws;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Why a phone the PBX was asked to ring ({@code Originate}: click-to-call, listen/whisper/barge) was not reached, as
 * Asterisk says in {@code OriginateResponse}'s {@code Reason} (the last control frame of the dialling, main/channel.c
 * {@code __ast_request_and_dial}), or {@link #UNKNOWN} when it never said.
 */
public enum DialFailure {
    /** {@code Reason: 5} (AST_CONTROL_BUSY): the phone is busy. */
    BUSY,
    /**
     * {@code Reason: 3} (AST_CONTROL_RINGING: still ringing when the Originate's timeout ran out) or {@code 1}
     * (AST_CONTROL_HANGUP: the ringing phone hung up, e.g. declined the call).
     */
    NO_ANSWER,
    /** {@code Reason: 8} (AST_CONTROL_CONGESTION, or an incomplete number): the PBX found no way through. */
    CONGESTION,
    /**
     * {@code Reason: 0}: the channel could not even be requested or called (an unknown or unregistered endpoint,
     * a wrong dial string), or any other reason Asterisk reports with {@code Response: Failure}.
     */
    UNAVAILABLE,
    /**
     * The PBX did not say: the link to it was lost, or no {@code OriginateResponse} came long after the ring timeout.
     * Not a failure that was seen: the phone may have rung, or may ring still.
     */
    UNKNOWN;

    /** From a failed {@code OriginateResponse}'s {@code Reason} (null when absent). */
    public static DialFailure ofReason(Integer reason) {
        return switch (reason == null ? -1 : reason) {
            case 5 -> BUSY;
            case 1, 3 -> NO_ANSWER;
            case 8 -> CONGESTION;
            default -> UNAVAILABLE;
        };
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A name a newer server may send and this side does not know yet reads as {@link #UNKNOWN}. */
    @JsonCreator
    public static DialFailure fromWire(String wire) {
        for (DialFailure value : values()) {
            if (value.wireName().equals(wire)) {
                return value;
            }
        }
        return UNKNOWN;
    }
}
