package dev.zvonok.server.calls;

/**
 * No such card for this user: the call is unknown, it was not offered to that extension, or the offer is somebody
 * else's. The three are not told apart, so that nobody learns of other operators' calls. Nothing was changed.
 */
public record UnknownCall() implements SaveResult, FinishResult {

    static final UnknownCall INSTANCE = new UnknownCall();
}
