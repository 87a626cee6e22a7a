package dev.zvonok.server.auth;

import dev.zvonok.model.api.TokenResponse;
import dev.zvonok.model.directory.UserView;
import dev.zvonok.server.api.ApiException;
import dev.zvonok.server.directory.Passwords;
import dev.zvonok.server.directory.User;
import dev.zvonok.server.directory.UserRepository;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Login sessions: a login starts one, each refresh continues it with new tokens, a logout ends it. */
final class LoginSessions {

    private static final Logger log = LoggerFactory.getLogger(LoginSessions.class);

    private final UserRepository users;
    private final Passwords passwords;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final LoginThrottle throttle;
    private final LoginAudit audit;
    /** A hash no password matches, checked when there is no real one, so every failure costs one BCrypt check. */
    private final String decoyHash;

    LoginSessions(UserRepository users, Passwords passwords, AccessTokens accessTokens, RefreshTokens refreshTokens,
                  LoginThrottle throttle, LoginAudit audit) {
        this.users = Objects.requireNonNull(users, "users");
        this.passwords = Objects.requireNonNull(passwords, "passwords");
        this.accessTokens = Objects.requireNonNull(accessTokens, "accessTokens");
        this.refreshTokens = Objects.requireNonNull(refreshTokens, "refreshTokens");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.decoyHash = passwords.hash(UUID.randomUUID().toString());
    }

    /**
     * @param address the client's address, for the login limits and the log
     * @throws ApiException 401 {@code bad-credentials} for a wrong login or password (the same answer, in about the
     *                      same time, for both), 403 {@code account-disabled}, 429 {@code too-many-attempts}
     */
    TokenResponse login(String login, String password, String address) {
        Optional<Duration> wait = throttle.tryAttempt(login, address);
        if (wait.isPresent()) {
            logFailure(login, address, "too many failed attempts, next one allowed in "
                    + TooManyAttemptsException.seconds(wait.get()) + " s");
            audit.loginFailed(null, login, address, "too many attempts");
            throw new TooManyAttemptsException(wait.get());
        }
        boolean reported = false;
        try {
            Optional<User> authenticated = users.authenticate(login, password);
            if (authenticated.isPresent()) {
                User user = authenticated.get();
                throttle.succeeded(login, address);
                reported = true;
                // housekeeping while it is quiet: tokens past their expiry are of no use, not even as evidence of reuse
                refreshTokens.deleteExpired();
                log.info("{} logged in from {}", user.login(), address);
                audit.loggedIn(user.id(), user.login(), address);
                return tokens(user, refreshTokens.issue(user.id()));
            }
            Optional<User> known = users.findByLogin(login);
            if (known.isEmpty() || !known.get().active()) {
                // no password was checked for these: check one now, so that the delay of the answer does not tell
                passwords.matches(password, decoyHash);
            }
            Duration next = throttle.failed(login, address);
            reported = true;
            String slowed = next.isZero() ? ""
                    : "; next attempt allowed in " + TooManyAttemptsException.seconds(next) + " s";
            Long knownId = known.map(User::id).orElse(null);
            if (known.isPresent() && !known.get().active()) {
                logFailure(login, address, "account disabled" + slowed);
                audit.loginFailed(knownId, login, address, "account disabled");
                throw new ApiException(HttpStatus.FORBIDDEN, "account-disabled", "this account is disabled");
            }
            String reason = known.isEmpty() ? "unknown login" : "wrong password";
            logFailure(login, address, reason + slowed);
            audit.loginFailed(knownId, login, address, reason);
            throw new ApiException(HttpStatus.UNAUTHORIZED, "bad-credentials", "wrong login or password");
        } finally {
            if (!reported) {
                // the password could not be checked (the database is away): no failure of the user's
                throttle.abandoned(login, address);
            }
        }
    }

    /**
     * Trades a refresh token for a new pair; the presented one is used up.
     *
     * @throws ApiException 401 {@code invalid-refresh-token}, 403 {@code account-disabled}
     */
    TokenResponse refresh(String refreshToken) {
        return switch (refreshTokens.rotate(refreshToken)) {
            case RefreshTokens.Refused(RefreshTokens.Reason reason) -> {
                log.info("Refresh refused: {} token", reason.name().toLowerCase(java.util.Locale.ROOT));
                throw invalidRefreshToken();
            }
            case RefreshTokens.Rotated(long userId, UUID family, String next) -> {
                Optional<User> user = users.find(userId).filter(User::active);
                if (user.isEmpty()) {
                    refreshTokens.revokeSession(family);
                    log.warn("Refresh refused for user {}: disabled or deleted; their session is ended", userId);
                    throw new ApiException(HttpStatus.FORBIDDEN, "account-disabled", "this account is disabled");
                }
                yield tokens(user.get(), next);
            }
        };
    }

    /** Ends the session of this refresh token; an unknown token is no error (the session is over either way). */
    void logout(String refreshToken) {
        if (refreshTokens.revokeSessionOf(refreshToken)) {
            log.info("Logged out: a session ended");
        }
    }

    /** @throws ApiException 401 when the user is gone */
    UserView describe(AuthenticatedUser caller) {
        return users.find(caller.id())
                .map(LoginSessions::view)
                .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "not-authenticated", "no such user"));
    }

    private TokenResponse tokens(User user, String refreshToken) {
        // the phone rules ride along so that the app shows and reads numbers as this server stores them
        return new TokenResponse(accessTokens.issue(user), refreshToken, accessTokens.ttl().toSeconds(), view(user),
                users.numbers().rules());
    }

    static UserView view(User user) {
        return new UserView(user.id(), user.login(), user.displayName(), user.role(), user.extensions());
    }

    private static ApiException invalidRefreshToken() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "invalid-refresh-token",
                "the refresh token is unknown, expired or revoked: log in again");
    }

    private static void logFailure(String login, String address, String reason) {
        log.warn("Login failed for {} from {}: {}", LogText.of(login), address, reason);
    }
}
