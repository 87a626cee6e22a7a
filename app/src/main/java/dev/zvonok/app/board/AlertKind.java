package dev.zvonok.app.board;

/** What a supervisor is alerted to; each can be muted on its own. */
public enum AlertKind {
    /** A caller has waited in a queue longer than the threshold. */
    CALLER_WAITING,
    /** An operator has been in wrap-up longer than the threshold. */
    LONG_WRAPUP,
    /** Calls rang at an operator and were not taken, so many times in a row: away from the desk without saying so. */
    UNANSWERED_RINGS
}
