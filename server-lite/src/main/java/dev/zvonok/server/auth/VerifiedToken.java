package dev.zvonok.server.auth;

import java.time.Instant;
import java.util.Objects;

/** A valid access token: whose it is, and until when it holds (a WebSocket lives no longer). */
public record VerifiedToken(AuthenticatedUser user, Instant expiresAt) {

    public VerifiedToken {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
