package dev.zvonok.app.history;

/**
 * The last "Call back" of a list: the missed calls, the numbers given to call back, the supervisor's call-back list.
 *
 * @param number the number being called back
 */
public record CallBackStatus(String number, Stage stage) {

    public enum Stage {
        /** Sent; waiting for the server to accept it. */
        REQUESTED,
        /** Accepted: the desk phone rings, and dials when the operator picks up. */
        PHONE_RINGING,
        /** Refused, or the server is away. */
        FAILED
    }
}
