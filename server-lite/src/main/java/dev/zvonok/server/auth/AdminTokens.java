package dev.zvonok.server.auth;

import dev.zvonok.model.directory.Role;
import dev.zvonok.server.api.AdminCheck;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.util.function.BooleanSupplier;

/**
 * The {@link AdminCheck} of {@code /health} and {@code /metrics}: a valid access token of an active admin. While the
 * database is down (or cannot say whether the admin is still active), the token's own word is taken — its signature
 * and expiry are still checked — rather than wait for the database: these endpoints only read, must answer at once,
 * and are wanted most when the database is down.
 */
final class AdminTokens implements AdminCheck {

    private final TokenVerifier verifier;
    private final AccessTokens tokens;
    private final BooleanSupplier databaseUp;

    AdminTokens(TokenVerifier verifier, AccessTokens tokens, BooleanSupplier databaseUp) {
        this.verifier = verifier;
        this.tokens = tokens;
        this.databaseUp = databaseUp;
    }

    @Override
    public boolean isAdmin(Context ctx) {
        String token = AccessGuard.bearerToken(ctx.header(Header.AUTHORIZATION));
        if (token == null) {
            return false;
        }
        if (databaseUp.getAsBoolean()) {
            try {
                return verifier.verify(token).map(user -> user.role() == Role.ADMIN).orElse(false);
            } catch (RuntimeException databaseAway) {
                // fall through to the token's word
            }
        }
        return tokens.decode(token).map(user -> user.role() == Role.ADMIN).orElse(false);
    }
}
