package dev.zvonok.server.auth;

/**
 * Told of every login attempt, for the audit log. Called on the request's thread after the outcome is known; it must
 * not fail the login: an implementation that cannot write says so in the log and returns.
 */
public interface LoginAudit {

    void loggedIn(long userId, String login, String address);

    /**
     * @param userId null when the login names nobody
     * @param reason {@code unknown login}, {@code wrong password}, {@code account disabled}, {@code too many attempts}
     */
    void loginFailed(Long userId, String login, String address, String reason);

    /** Nothing is kept: for servers and tests without an audit log. */
    LoginAudit NONE = new LoginAudit() {
        @Override
        public void loggedIn(long userId, String login, String address) {
        }

        @Override
        public void loginFailed(Long userId, String login, String address, String reason) {
        }
    };
}
