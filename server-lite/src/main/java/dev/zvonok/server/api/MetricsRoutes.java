package dev.zvonok.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpStatus;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;

/**
 * {@code GET /metrics}: every meter of the process in Prometheus' text format — to the addresses of
 * {@code zvonok.http.metrics-from} (this machine by default, where a scraper or an agent usually runs), or with an
 * admin's token. The metrics tell who is connected and how the PBX is doing: not for the whole network.
 *
 * <p>The address is the client's as {@link ClientAddresses} tells it: through a reverse proxy on this machine, a
 * request from outside does not pass for a local one.
 */
public final class MetricsRoutes implements Routes {

    private final PrometheusMeterRegistry registry;
    private final ClientAddresses addresses;
    private final List<AddressRange> allowedFrom;
    private final AdminCheck admins;

    public MetricsRoutes(PrometheusMeterRegistry registry, ClientAddresses addresses, List<AddressRange> allowedFrom,
                         AdminCheck admins) {
        this.registry = registry;
        this.addresses = addresses;
        this.allowedFrom = List.copyOf(allowedFrom);
        this.admins = admins;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/metrics", ctx -> {
            if (!AddressRange.anyContains(allowedFrom, addresses.of(ctx)) && !admins.isAdmin(ctx)) {
                throw new ApiException(HttpStatus.FORBIDDEN, "forbidden",
                        "metrics are served to the addresses of zvonok.http.metrics-from, or with an admin's token");
            }
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
        });
    }
}
