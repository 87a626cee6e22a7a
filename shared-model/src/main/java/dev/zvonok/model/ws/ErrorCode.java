package dev.zvonok.model.ws;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why the server refused a message: stable codes clients can act on; the message text is for people. */
public enum ErrorCode {
    /** Not JSON, no or unknown {@code type}, a field of the wrong kind. */
    MALFORMED_MESSAGE,
    /** A required field is missing or out of bounds (too long notes, too many tags...). */
    INVALID_FIELD,
    /** The first message was not {@code authenticate}, or the token is bad or expired. */
    NOT_AUTHENTICATED,
    /** The token was fine, but the role may not do this. */
    FORBIDDEN,
    /** No such call for this operator: unknown, or somebody else's. */
    UNKNOWN_CALL,
    /** The notes changed since the version the client edited; {@code current} holds them. */
    STALE_VERSION,
    /** The PBX is not connected or refused the action. */
    PBX_UNAVAILABLE,
    /** Something failed on the server; the client may retry. */
    SERVER_ERROR;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
