package dev.zvonok.server.api;

import dev.zvonok.model.api.Health;
import dev.zvonok.model.api.HealthDetails;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * {@code GET /health}: is the server able to do its job — database reachable, PBX connected. 200 {@code up} when all
 * is well, 503 {@code degraded} when not, for load balancers and monitoring; that is all anyone is told. An admin's
 * token gets {@link HealthDetails} (what is down, the PBX's address and last error, connected clients), which would
 * tell a stranger too much about the network.
 *
 * <p>It answers at once whatever the database does: {@code databaseUp} must not wait on it ({@link BackgroundCheck}).
 */
public final class HealthRoutes implements Routes {

    private final BooleanSupplier databaseUp;
    private final Supplier<HealthDetails.Pbx> pbx;
    private final IntSupplier connectedClients;
    private final AdminCheck admins;
    private final Supplier<Optional<Instant>> statisticsRecomputingSince;

    /**
     * @param statisticsRecomputingSince since when the statistics are being recomputed; empty when they answer
     */
    public HealthRoutes(BooleanSupplier databaseUp, Supplier<HealthDetails.Pbx> pbx, IntSupplier connectedClients,
                        AdminCheck admins, Supplier<Optional<Instant>> statisticsRecomputingSince) {
        this.statisticsRecomputingSince = statisticsRecomputingSince;
        this.databaseUp = databaseUp;
        this.pbx = pbx;
        this.connectedClients = connectedClients;
        this.admins = admins;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/health", ctx -> {
            HealthDetails health = check();
            ctx.status(health.down().isEmpty() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Cache-Control", "no-store");
            if (admins.isAdmin(ctx)) {
                ctx.json(health);
            } else {
                ctx.json(new Health(health.status()));
            }
        });
    }

    HealthDetails check() {
        boolean database = databaseUp.getAsBoolean();
        HealthDetails.Pbx now = pbx.get();
        List<String> down = new ArrayList<>();
        if (!database) {
            down.add("database");
        }
        if (!"connected".equals(now.state())) {
            down.add("pbx");
        }
        HealthDetails.Statistics statistics = statisticsRecomputingSince.get()
                .map(since -> new HealthDetails.Statistics(HealthDetails.Statistics.RECOMPUTING, since))
                .orElseGet(() -> new HealthDetails.Statistics(HealthDetails.Statistics.READY, null));
        return new HealthDetails(down.isEmpty() ? Health.UP : Health.DEGRADED, down, database, now,
                connectedClients.getAsInt(), statistics);
    }
}
