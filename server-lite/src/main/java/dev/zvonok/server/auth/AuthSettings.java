package dev.zvonok.server.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * How long tokens live, what signs them, and how failed logins are slowed down.
 *
 * @param tokenSecret            the HMAC-SHA256 key of access tokens, at least 32 bytes of UTF-8; null or blank: one
 *                               is generated at the first start and kept in the database, so restarts keep everyone
 *                               logged in
 * @param accessTokenTtl         lifetime of an access token; short, because a token cannot be taken back before it
 *                               expires (logging out revokes the refresh token only)
 * @param refreshTokenTtl        lifetime of a refresh token; each refresh hands out a new one, so a desktop app that
 *                               is used at least this often stays logged in
 * @param activeUserCacheTtl     how long a verified user is remembered as existing and active while the database's
 *                               change reports are not heard (each report forgets them at once): then the longest a
 *                               disabled user keeps using a token already handed out
 * @param loginLimits            how failed logins are slowed down
 */
public record AuthSettings(
        String tokenSecret,
        Duration accessTokenTtl,
        Duration refreshTokenTtl,
        Duration activeUserCacheTtl,
        LoginLimits loginLimits) {

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
        Objects.requireNonNull(loginLimits, "loginLimits");
    }

    /**
     * 15-minute access tokens, 30-day refresh tokens, a generated secret, users re-checked every 10 seconds, the
     * {@linkplain LoginLimits#defaults() default login limits}.
     */
    public static AuthSettings defaults() {
        return new AuthSettings(null, Duration.ofMinutes(15), Duration.ofDays(30), Duration.ofSeconds(10),
                LoginLimits.defaults());
    }

    public AuthSettings withTokenSecret(String secret) {
        return new AuthSettings(secret, accessTokenTtl, refreshTokenTtl, activeUserCacheTtl, loginLimits);
    }

    public AuthSettings withTokenTtls(Duration access, Duration refresh) {
        return new AuthSettings(tokenSecret, access, refresh, activeUserCacheTtl, loginLimits);
    }

    public AuthSettings withActiveUserCacheTtl(Duration ttl) {
        return new AuthSettings(tokenSecret, accessTokenTtl, refreshTokenTtl, ttl, loginLimits);
    }

    public AuthSettings withLoginLimits(LoginLimits limits) {
        return new AuthSettings(tokenSecret, accessTokenTtl, refreshTokenTtl, activeUserCacheTtl, limits);
    }

    /** Keeps the secret out of logs and exception messages. */
    @Override
    public String toString() {
        return "AuthSettings[tokenSecret=" + (tokenSecret == null ? "generated" : "configured")
                + ", accessTokenTtl=" + accessTokenTtl + ", refreshTokenTtl=" + refreshTokenTtl
                + ", activeUserCacheTtl=" + activeUserCacheTtl + ", loginLimits=" + loginLimits + "]";
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
