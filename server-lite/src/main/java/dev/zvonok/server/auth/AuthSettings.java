package dev.zvonok.server.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * How long tokens live, what signs them, and how many failed logins are tolerated.
 *
 * @param tokenSecret            the HMAC-SHA256 key of access tokens, at least 32 bytes of UTF-8; null or blank: one
 *                               is generated at the first start and kept in the database, so restarts keep everyone
 *                               logged in
 * @param accessTokenTtl         lifetime of an access token; short, because a token cannot be taken back before it
 *                               expires (logging out revokes the refresh token only)
 * @param refreshTokenTtl        lifetime of a refresh token; each refresh hands out a new one, so a desktop app that
 *                               is used at least this often stays logged in
 * @param activeUserCacheTtl     how long a verified user is remembered as existing and active: the longest a disabled
 *                               user keeps using a token already handed out
 * @param maxFailuresPerLogin    failed logins tolerated per login within {@code failureWindow}
 * @param maxFailuresPerAddress  failed logins tolerated per client address within {@code failureWindow}
 * @param failureWindow          the period in which those failures are forgiven again (gradually)
 */
public record AuthSettings(
        String tokenSecret,
        Duration accessTokenTtl,
        Duration refreshTokenTtl,
        Duration activeUserCacheTtl,
        int maxFailuresPerLogin,
        int maxFailuresPerAddress,
        Duration failureWindow) {

    /** HS256 needs a key at least as long as its hash; a shorter one is guessable offline from any token. */
    static final int MIN_SECRET_BYTES = 32;

    public AuthSettings {
        if (tokenSecret != null && tokenSecret.isBlank()) {
            tokenSecret = null;
        }
        if (tokenSecret != null && tokenSecret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the token secret must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        requirePositive(accessTokenTtl, "accessTokenTtl");
        requirePositive(refreshTokenTtl, "refreshTokenTtl");
        requirePositive(activeUserCacheTtl, "activeUserCacheTtl");
        requirePositive(failureWindow, "failureWindow");
        if (maxFailuresPerLogin < 1 || maxFailuresPerAddress < 1) {
            throw new IllegalArgumentException("failed logins tolerated must be at least 1");
        }
    }

    /**
     * 15-minute access tokens, 30-day refresh tokens, a generated secret, users re-checked every 10 seconds; 5 failed
     * logins per login and 20 per address in 5 minutes.
     */
    public static AuthSettings defaults() {
        return new AuthSettings(null, Duration.ofMinutes(15), Duration.ofDays(30), Duration.ofSeconds(10), 5, 20,
                Duration.ofMinutes(5));
    }

    public AuthSettings withTokenSecret(String secret) {
        return new AuthSettings(secret, accessTokenTtl, refreshTokenTtl, activeUserCacheTtl, maxFailuresPerLogin,
                maxFailuresPerAddress, failureWindow);
    }

    public AuthSettings withTokenTtls(Duration access, Duration refresh) {
        return new AuthSettings(tokenSecret, access, refresh, activeUserCacheTtl, maxFailuresPerLogin,
                maxFailuresPerAddress, failureWindow);
    }

    public AuthSettings withActiveUserCacheTtl(Duration ttl) {
        return new AuthSettings(tokenSecret, accessTokenTtl, refreshTokenTtl, ttl, maxFailuresPerLogin,
                maxFailuresPerAddress, failureWindow);
    }

    public AuthSettings withLoginLimits(int perLogin, int perAddress, Duration window) {
        return new AuthSettings(tokenSecret, accessTokenTtl, refreshTokenTtl, activeUserCacheTtl, perLogin, perAddress,
                window);
    }

    /** Keeps the secret out of logs and exception messages. */
    @Override
    public String toString() {
        return "AuthSettings[tokenSecret=" + (tokenSecret == null ? "generated" : "configured")
                + ", accessTokenTtl=" + accessTokenTtl + ", refreshTokenTtl=" + refreshTokenTtl
                + ", activeUserCacheTtl=" + activeUserCacheTtl + ", maxFailuresPerLogin=" + maxFailuresPerLogin
                + ", maxFailuresPerAddress=" + maxFailuresPerAddress + ", failureWindow=" + failureWindow + "]";
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
