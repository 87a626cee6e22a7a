package dev.zvonok.app.server;

/**
 * What happens to the operator's session. Called on the thread that caused it: the caller's for login, resume and
 * logout, the session's refresh thread for background refreshes. Listeners hop to the FX thread themselves.
 */
public interface SessionListener {

    /** Logged in, or resumed from the stored refresh token. */
    default void sessionStarted(Session session) {
    }

    /** New tokens: the access token was refreshed (the refresh token with it). */
    default void sessionRefreshed(Session session) {
    }

    /** The session is over; the operator must log in again (unless they logged out themselves). */
    default void sessionEnded(SessionEnd end) {
    }

    enum SessionEnd {
        /** The operator logged out. */
        LOGGED_OUT,
        /** The server refused the refresh token: expired, revoked, or used twice. */
        EXPIRED,
        /** The account was disabled. */
        ACCOUNT_DISABLED
    }
}
