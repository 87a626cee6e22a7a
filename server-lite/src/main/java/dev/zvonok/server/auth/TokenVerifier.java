package dev.zvonok.server.auth;

import java.util.Optional;

/** Checks an access token (signature, expiry, the user still active) and says whose it is. */
@FunctionalInterface
public interface TokenVerifier {

    /** The token's user, or empty when the token is malformed, forged, expired or its user disabled. */
    Optional<AuthenticatedUser> verify(String accessToken);
}
