package dev.zvonok.server.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.RegisteredClaims;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.zvonok.model.directory.Role;
import dev.zvonok.server.directory.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Access tokens: JWTs signed with HMAC-SHA256, saying who (subject = user id, login, name, role) and until when. They
 * are checked by signature and expiry alone; {@link ActiveUserTokenVerifier} adds the check that the user is still
 * allowed in.
 *
 * <p>Only tokens as this class issues them pass: HS256 and no other algorithm (not {@code none}, not another HMAC
 * that a leaked token could be re-signed with), an expiry (a token without one would be good forever), and an
 * issue time that is not in the future (a token "issued" next year was made by whoever holds the key, not by us).
 */
final class AccessTokens {

    private static final String ISSUER = "zvonok";
    private static final String LOGIN = "login";
    private static final String NAME = "name";
    private static final String ROLE = "role";
    /** Ours are a few hundred bytes; anything far longer is not worth parsing. */
    private static final int MAX_LENGTH = 4096;
    /** How far the clocks of servers sharing the secret may disagree about when a token was issued. */
    static final long ISSUED_AT_SKEW_SECONDS = 30;

    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    private final Duration ttl;
    private final Clock clock;

    AccessTokens(byte[] secret, Duration ttl, Clock clock) {
        this.algorithm = Algorithm.HMAC256(secret);
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.clock = Objects.requireNonNull(clock, "clock");
        // only the base verification lets the clock be chosen (tests of expiry); require(algorithm) refuses any
        // other "alg" in the header; expiry and issue time are checked only when present, hence their presence
        JWTVerifier.BaseVerification verification = (JWTVerifier.BaseVerification) JWT.require(algorithm)
                .withIssuer(ISSUER)
                .withClaimPresence(RegisteredClaims.EXPIRES_AT)
                .withClaimPresence(RegisteredClaims.ISSUED_AT)
                .acceptIssuedAt(ISSUED_AT_SKEW_SECONDS)
                .withClaimPresence(LOGIN)
                .withClaimPresence(NAME)
                .withClaimPresence(ROLE);
        this.verifier = verification.build(clock);
    }

    String issue(User user) {
        Instant now = clock.instant();
        return JWT.create()
                .withIssuer(ISSUER)
                .withSubject(Long.toString(user.id()))
                .withClaim(LOGIN, user.login())
                .withClaim(NAME, user.displayName())
                .withClaim(ROLE, user.role().wireName())
                .withIssuedAt(now)
                .withExpiresAt(now.plus(ttl))
                .sign(algorithm);
    }

    /**
     * The user the token names, if it is ours (algorithm, signature, issuer, issue time) and has not expired; nothing
     * else is checked.
     */
    Optional<AuthenticatedUser> decode(String token) {
        return verified(token).map(VerifiedToken::user);
    }

    /** As {@link #decode}, with the token's expiry. */
    Optional<VerifiedToken> verified(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            DecodedJWT jwt = verifier.verify(token);
            String subject = jwt.getSubject();
            String login = jwt.getClaim(LOGIN).asString();
            String name = jwt.getClaim(NAME).asString();
            String role = jwt.getClaim(ROLE).asString();
            if (subject == null || login == null || role == null) {
                return Optional.empty();
            }
            return Optional.of(new VerifiedToken(
                    new AuthenticatedUser(Long.parseLong(subject), login, name, Role.of(role)),
                    jwt.getExpiresAtAsInstant()));
        } catch (JWTVerificationException | IllegalArgumentException e) {
            // forged, expired, truncated, or signed with our key but with claims we cannot read: all the same to us
            return Optional.empty();
        }
    }

    /** How long a token issued now stays valid. */
    Duration ttl() {
        return ttl;
    }
}
