package dev.zvonok.server.auth;

import dev.zvonok.model.directory.Role;
import dev.zvonok.server.api.AdminCheck;
import io.javalin.http.Context;
import io.javalin.http.Header;

/**
 * The {@link AdminCheck} of {@code /health} and {@code /metrics}: a valid access token of an active admin. While the
 * database cannot say whether the admin is still active, the token's own word is taken (its signature and expiry
 * are still checked): these endpoints only read, and they are wanted most when the database is down.
 */
final class AdminTokens implements AdminCheck {

    private final TokenVerifier verifier;
    private final AccessTokens tokens;

    AdminTokens(TokenVerifier verifier, AccessTokens tokens) {
        this.verifier = verifier;
        this.tokens = tokens;
    }

    @Override
    public boolean isAdmin(Context ctx) {
        String token = AccessGuard.bearerToken(ctx.header(Header.AUTHORIZATION));
        if (token == null) {
            return false;
        }
        try {
            return verifier.verify(token).map(user -> user.role() == Role.ADMIN).orElse(false);
        } catch (RuntimeException databaseAway) {
            return tokens.decode(token).map(user -> user.role() == Role.ADMIN).orElse(false);
        }
    }
}
