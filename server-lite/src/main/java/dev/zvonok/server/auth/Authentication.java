package dev.zvonok.server.auth;

import dev.zvonok.server.api.AdminCheck;
import dev.zvonok.server.api.ClientAddresses;
import dev.zvonok.server.api.Json;
import dev.zvonok.server.api.Routes;
import dev.zvonok.server.directory.DirectoryChangeListener;
import dev.zvonok.server.directory.Passwords;
import dev.zvonok.server.directory.UserRepository;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.jooq.DSLContext;

/**
 * Authentication, assembled: the routes to add to the HTTP server (the {@code /api} guard, login, refresh, logout,
 * {@code /api/me}) and the {@link TokenVerifier} the WebSocket checks its {@code authenticate} message with.
 */
public final class Authentication {

    /** The name of the generated signing secret in {@code auth_secrets}. */
    static final String ACCESS_TOKEN_SECRET = "access-token";
    /** 512 bits: HMAC-SHA256 takes keys up to its block size without hashing them first. */
    private static final int GENERATED_SECRET_BYTES = 64;

    private final ActiveUserTokenVerifier verifier;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final List<Routes> routes;

    private Authentication(ActiveUserTokenVerifier verifier, AccessTokens accessTokens, RefreshTokens refreshTokens,
                           List<Routes> routes) {
        this.verifier = verifier;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.routes = routes;
    }

    /**
     * Reads (or, the first time, generates and stores) the signing secret when none is configured.
     *
     * @param passwords the same BCrypt settings the users' hashes were made with: a failed login for an unknown user
     *                  then takes as long as one with a wrong password
     * @param addresses who a login comes from, for its limits (the peer, or the client behind our proxies)
     * @param clock     the time tokens are issued and checked at; the system clock except in tests
     * @param audit     told of every login and failed login
     */
    public static Authentication create(AuthSettings settings, DSLContext dsl, UserRepository users,
                                        Passwords passwords, ClientAddresses addresses, Clock clock,
                                        LoginAudit audit) {
        Objects.requireNonNull(settings, "settings");
        SecureRandom random = new SecureRandom();
        byte[] secret = settings.tokenSecret() != null
                ? settings.tokenSecret().getBytes(StandardCharsets.UTF_8)
                : new StoredSecrets(dsl, random).getOrCreate(ACCESS_TOKEN_SECRET, GENERATED_SECRET_BYTES);
        AccessTokens accessTokens = new AccessTokens(secret, settings.accessTokenTtl(), clock);
        ActiveUserTokenVerifier verifier = new ActiveUserTokenVerifier(accessTokens, users,
                settings.activeUserCacheTtl());
        RefreshTokens refreshTokens = new RefreshTokens(dsl, settings.refreshTokenTtl(), clock, random);
        LoginSessions sessions = new LoginSessions(users, passwords, accessTokens, refreshTokens,
                new LoginThrottle(settings.loginLimits(), clock), audit);
        return new Authentication(verifier, accessTokens, refreshTokens,
                List.of(new AccessGuard(verifier), new AuthRoutes(sessions, addresses, Json.mapper())));
    }

    public static Authentication create(AuthSettings settings, DSLContext dsl, UserRepository users,
                                        Passwords passwords, ClientAddresses addresses, Clock clock) {
        return create(settings, dsl, users, passwords, addresses, clock, LoginAudit.NONE);
    }

    public static Authentication create(AuthSettings settings, DSLContext dsl, UserRepository users,
                                        Passwords passwords, ClientAddresses addresses) {
        return create(settings, dsl, users, passwords, addresses, Clock.systemUTC());
    }

    /** For the WebSocket's {@code authenticate}: signature, expiry, the user still active (cached a few seconds). */
    public TokenVerifier tokenVerifier() {
        return verifier;
    }

    /**
     * Whether a request to {@code /health} or {@code /metrics} comes with an admin's token.
     *
     * @param databaseUp whether the database is up now, without waiting for it: while it is not, the token's word
     *                   is taken
     */
    public AdminCheck adminCheck(BooleanSupplier databaseUp) {
        return new AdminTokens(verifier, accessTokens, databaseUp);
    }

    /**
     * To be told of every directory change (the database's change notifications): the users the verifier remembers as
     * active are forgotten, so a disabled user's next request is refused. Runs on the caller's thread, quickly.
     */
    public DirectoryChangeListener directoryChanges() {
        return verifier::forgetUsers;
    }

    /**
     * Ends every login session of the user: their refresh tokens are revoked, so no new access token comes of them
     * even if the user is let in again later. Access tokens already handed out are refused once the user is inactive
     * (the verifier asks the directory), and open WebSockets close when the directory reports the change.
     *
     * @return how many refresh tokens were revoked
     */
    public int endSessionsOf(long userId) {
        verifier.forgetUsers();
        return refreshTokens.revokeAllOf(userId);
    }

    /** Add these to {@code HttpServer.create(...)}: the access guard for {@code /api/*} and the auth endpoints. */
    public List<Routes> routes() {
        return routes;
    }
}
