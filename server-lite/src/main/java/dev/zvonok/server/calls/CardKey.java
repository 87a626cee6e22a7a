package dev.zvonok.server.calls;

import java.util.Objects;

/**
 * One operator's card of one call: their offer of it.
 *
 * @param callId    the call's id as the WebSocket knows it (Asterisk's Linkedid); a consultation call that was merged
 *                  into another one still finds its card under its own id
 * @param extension the operator's phone that rang (the offer's extension)
 */
public record CardKey(String callId, String extension) {

    public CardKey {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(extension, "extension");
    }
}
