package dev.zvonok.app.login;

/** Where the login screen stands. */
public enum LoginState {
    /** The operator fills in the form (again, after a failure). */
    EDITING,
    /** Waiting for the server's answer to the form. */
    LOGGING_IN,
    /** Restoring the last session at start, before any form is needed. */
    RESUMING,
    /** Done: the main window takes over. */
    LOGGED_IN;

    public boolean busy() {
        return this == LOGGING_IN || this == RESUMING;
    }
}
