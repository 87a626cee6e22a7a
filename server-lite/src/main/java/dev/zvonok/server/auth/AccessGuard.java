package dev.zvonok.server.auth;

import dev.zvonok.server.api.ApiException;
import dev.zvonok.server.api.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import io.javalin.router.Endpoint;
import io.javalin.security.RouteRole;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The door of {@code /api}: before any endpoint there runs, the caller's {@code Authorization: Bearer} token is
 * verified and the user put in the request ({@link RequestUser}); the endpoint's {@link Access} is then enforced.
 * Endpoints under {@code /api/auth/} (login, refresh, logout) and those marked {@link Access#PUBLIC} are open.
 *
 * <p>It runs for matched endpoints only, and judges them by the path they were added with, not the path asked for:
 * an unknown path answers 404 as it would anyway, and no spelling of a path can pass for a public one.
 */
final class AccessGuard implements Routes {

    static final String PUBLIC_PREFIX = "/api/auth/";
    private static final String BEARER = "bearer ";

    private final TokenVerifier verifier;

    AccessGuard(TokenVerifier verifier) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.beforeMatched("/api/*", this::check);
    }

    private void check(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        Set<RouteRole> roles = ctx.routeRoles();
        if (endpoint == null || endpoint.path.startsWith(PUBLIC_PREFIX) || roles.contains(Access.PUBLIC)) {
            return;
        }
        String token = bearerToken(ctx.header(Header.AUTHORIZATION));
        if (token == null) {
            ctx.header(Header.WWW_AUTHENTICATE, "Bearer");
            throw new ApiException(HttpStatus.UNAUTHORIZED, "not-authenticated", "a valid access token is required");
        }
        AuthenticatedUser user = verifier.verify(token).orElseThrow(() -> {
            // RFC 6750: tells the client that a refresh (or a new login) will help
            ctx.header(Header.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            return new ApiException(HttpStatus.UNAUTHORIZED, "invalid-token",
                    "the access token is invalid or expired");
        });
        RequestUser.set(ctx, user);
        List<Access> required = roles.stream().filter(Access.class::isInstance).map(Access.class::cast).toList();
        if (!required.isEmpty() && required.stream().noneMatch(access -> access.allows(user.role()))) {
            throw RequestUser.forbidden();
        }
    }

    /** The token of {@code Authorization: Bearer <token>} (the scheme in any case), or null. */
    static String bearerToken(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).strip();
        return token.isEmpty() ? null : token;
    }
}
