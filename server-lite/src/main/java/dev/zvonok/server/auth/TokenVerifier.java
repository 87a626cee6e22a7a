package dev.zvonok.server.auth;

import java.util.Optional;

/** Checks an access token (signature, expiry, the user still active) and says whose it is. */
@FunctionalInterface
public interface TokenVerifier {

    /**
     * The token's user and expiry, or empty when the token is malformed, forged, expired or its user disabled.
     *
     * @throws RuntimeException when the user is not known yet and the database cannot be asked
     */
    Optional<VerifiedToken> check(String accessToken);

    /** The token's user, or empty when the token is malformed, forged, expired or its user disabled. */
    default Optional<AuthenticatedUser> verify(String accessToken) {
        return check(accessToken).map(VerifiedToken::user);
    }
}
