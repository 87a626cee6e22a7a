package dev.zvonok.server.auth;

import dev.zvonok.server.api.ClientAddresses;
import dev.zvonok.server.api.HttpServer;
import dev.zvonok.server.api.Json;
import dev.zvonok.server.api.Routes;
import dev.zvonok.server.directory.Passwords;
import dev.zvonok.server.directory.UserRepository;
import io.javalin.Javalin;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * Authentication in a real HTTP server on a free port, wired as the composition root will wire it, plus a few
 * test-only endpoints that need a login or a role.
 */
final class AuthServer implements AutoCloseable {

    /** Endpoints standing in for the other features' ones. */
    static final Routes PROTECTED_FOR_TESTS = routes -> {
        routes.get("/api/test/whoami", ctx -> ctx.json(Map.of("login", RequestUser.of(ctx).login())));
        routes.get("/api/test/supervisors", ctx -> ctx.json(Map.of("ok", true)), Access.SUPERVISOR);
        routes.get("/api/test/admins", ctx -> ctx.json(Map.of("ok", true)), Access.ADMIN);
        routes.get("/api/test/admins-by-hand", ctx ->
                ctx.json(Map.of("login", RequestUser.of(ctx, Access.ADMIN).login())));
        routes.get("/api/test/open", ctx -> ctx.json(Map.of("open", true)), Access.PUBLIC);
    };

    final Authentication auth;
    final Javalin app;
    final ApiClient client;

    AuthServer(AuthSettings settings, DSLContext dsl, UserRepository users, Passwords passwords, Clock clock) {
        this(settings, ClientAddresses.direct(), dsl, users, passwords, clock);
    }

    AuthServer(AuthSettings settings, ClientAddresses addresses, DSLContext dsl, UserRepository users,
               Passwords passwords, Clock clock) {
        auth = Authentication.create(settings, dsl, users, passwords, addresses, clock);
        List<Routes> routes = new ArrayList<>(auth.routes());
        routes.add(PROTECTED_FOR_TESTS);
        app = HttpServer.create(Json.mapper(), routes).start("127.0.0.1", 0);
        client = new ApiClient(app.port());
    }

    int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
