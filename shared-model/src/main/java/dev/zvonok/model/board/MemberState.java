package dev.zvonok.model.board;

import com.fasterxml.jackson.annotation.JsonValue;

/** A queue member's device as the PBX reports it ({@code QueueMemberStatus}'s {@code Status}). */
public enum MemberState {
    UNKNOWN,
    NOT_IN_USE,
    IN_USE,
    BUSY,
    INVALID,
    UNAVAILABLE,
    RINGING,
    RING_IN_USE,
    ON_HOLD;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
