package dev.zvonok.app.history;

/** The server knows no such call, or not for this operator (it answers both alike, as it should). */
public final class NoSuchCall extends RuntimeException {

    public NoSuchCall(String callId) {
        super("no call " + callId);
    }
}
