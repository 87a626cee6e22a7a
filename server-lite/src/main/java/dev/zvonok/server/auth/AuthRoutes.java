package dev.zvonok.server.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zvonok.model.api.ApiError;
import dev.zvonok.model.api.LoginRequest;
import dev.zvonok.model.api.RefreshRequest;
import dev.zvonok.server.api.ApiException;
import dev.zvonok.server.api.ClientAddresses;
import dev.zvonok.server.api.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import java.util.Objects;

/**
 * {@code POST /api/auth/login}, {@code /api/auth/refresh}, {@code /api/auth/logout} (public) and {@code GET /api/me}
 * (behind the {@link AccessGuard}).
 */
final class AuthRoutes implements Routes {

    private final LoginSessions sessions;
    private final ClientAddresses addresses;
    private final ObjectMapper json;

    AuthRoutes(LoginSessions sessions, ClientAddresses addresses, ObjectMapper json) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.addresses = Objects.requireNonNull(addresses, "addresses");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/auth/login", ctx -> {
            LoginRequest request = body(ctx, LoginRequest.class);
            if (request.login() == null || request.password() == null) {
                throw ApiException.badRequest("login and password are required");
            }
            tokens(ctx).json(sessions.login(request.login(), request.password(),
                    addresses.of(ctx).getHostAddress()));
        });
        routes.post("/api/auth/refresh", ctx ->
                tokens(ctx).json(sessions.refresh(refreshToken(body(ctx, RefreshRequest.class)))));
        routes.post("/api/auth/logout", ctx -> {
            sessions.logout(refreshToken(body(ctx, RefreshRequest.class)));
            ctx.status(HttpStatus.NO_CONTENT);
        });
        routes.get("/api/me", ctx -> ctx.json(sessions.describe(RequestUser.of(ctx))));
        routes.exception(TooManyAttemptsException.class, (e, ctx) -> ctx
                .header(Header.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .status(e.status())
                .json(new ApiError(e.code(), e.getMessage())));
    }

    /** @throws JsonProcessingException for a body that is not JSON: the server answers 400 {@code malformed-json} */
    private <T> T body(Context ctx, Class<T> type) throws JsonProcessingException {
        // read here rather than with ctx.bodyAsClass, which fails with a NullPointerException (500) on "null"
        T body = json.readValue(ctx.body(), type);
        if (body == null) {
            throw ApiException.badRequest("a JSON object is required");
        }
        return body;
    }

    private static String refreshToken(RefreshRequest request) {
        if (request.refreshToken() == null || request.refreshToken().isBlank()) {
            throw ApiException.badRequest("refreshToken is required");
        }
        return request.refreshToken();
    }

    /** Tokens are secrets: no cache on the way may keep the answer (RFC 6749, 5.1). */
    private static Context tokens(Context ctx) {
        return ctx.header(Header.CACHE_CONTROL, "no-store");
    }
}
