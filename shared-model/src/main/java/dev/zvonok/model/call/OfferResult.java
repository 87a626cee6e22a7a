package dev.zvonok.model.call;

import com.fasterxml.jackson.annotation.JsonValue;

/** What became of one offer: one operator's phone ringing for one call. */
public enum OfferResult {
    /** This operator went off-hook and talked. */
    ANSWERED,
    /** It rang out: nobody picked up before the ring ended. */
    MISSED,
    /** Another operator of the same queue or ring group took the call. */
    ANSWERED_ELSEWHERE,
    /** The phone was busy and never rang. */
    BUSY,
    /** The phone rang and the operator declined it. */
    REJECTED,
    /** This operator answered and passed the call on to somebody else. */
    TRANSFERRED,
    /** The caller hung up while this phone was ringing. */
    ABANDONED,
    /** The phone was ringing when the server lost sight of the PBX, and had stopped when it looked again. */
    UNKNOWN;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
