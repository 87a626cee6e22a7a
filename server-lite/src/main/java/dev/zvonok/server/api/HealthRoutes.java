package dev.zvonok.server.api;

import dev.zvonok.model.api.Health;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpStatus;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * {@code GET /health}: is the server able to do its job — database reachable, PBX connected — and how many clients
 * are connected. 200 when all is well, 503 with the same body when not, for load balancers and monitoring.
 */
public final class HealthRoutes implements Routes {

    private final BooleanSupplier databaseUp;
    private final Supplier<Health.Pbx> pbx;
    private final IntSupplier connectedClients;

    public HealthRoutes(BooleanSupplier databaseUp, Supplier<Health.Pbx> pbx, IntSupplier connectedClients) {
        this.databaseUp = databaseUp;
        this.pbx = pbx;
        this.connectedClients = connectedClients;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/health", ctx -> {
            Health health = check();
            ctx.status("ok".equals(health.status()) ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(health);
        });
    }

    Health check() {
        boolean database = databaseUp.getAsBoolean();
        Health.Pbx now = pbx.get();
        boolean up = database && "connected".equals(now.state());
        return new Health(up ? "ok" : "degraded", database, now, connectedClients.getAsInt());
    }
}
