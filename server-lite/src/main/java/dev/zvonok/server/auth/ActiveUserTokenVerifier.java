package dev.zvonok.server.auth;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.zvonok.server.directory.User;
import dev.zvonok.server.directory.UserRepository;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies access tokens for the REST API and the WebSocket: signature and expiry, then that the user still exists and
 * is active. That last answer is remembered for a few seconds per user, so a busy client costs a hash and a map lookup,
 * not a query. Every change of the directory (the database reports them) forgets it at once, so disabling a user
 * takes effect at once; the few seconds bound it only while those reports are not heard.
 *
 * <p>The user is described as the directory has them now, not as the token says: a user demoted or renamed after
 * logging in is treated as they are now.
 */
final class ActiveUserTokenVerifier implements TokenVerifier {

    /** A bound on memory; far more than the operators of one PBX. */
    private static final int MAX_CACHED_USERS = 10_000;

    private final AccessTokens tokens;
    private final LoadingCache<Long, Optional<User>> activeUsers;

    ActiveUserTokenVerifier(AccessTokens tokens, UserRepository users, Duration activeUserCacheTtl) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(users, "users");
        this.activeUsers = Caffeine.newBuilder()
                .expireAfterWrite(activeUserCacheTtl)
                .maximumSize(MAX_CACHED_USERS)
                .build(id -> users.find(id).filter(User::active));
    }

    /**
     * {@inheritDoc}
     *
     * @throws org.jooq.exception.DataAccessException when the user is not cached and the database cannot be asked
     */
    @Override
    public Optional<VerifiedToken> check(String accessToken) {
        return tokens.verified(accessToken).flatMap(claimed -> activeUsers.get(claimed.user().id())
                .map(user -> new VerifiedToken(
                        new AuthenticatedUser(user.id(), user.login(), user.displayName(), user.role()),
                        claimed.expiresAt())));
    }

    /** The directory changed: a user may have been disabled, deleted or given another role. */
    void forgetUsers() {
        activeUsers.invalidateAll();
    }
}
