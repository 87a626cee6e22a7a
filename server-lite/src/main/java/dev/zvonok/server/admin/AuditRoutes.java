package dev.zvonok.server.admin;

import dev.zvonok.server.api.Routes;
import dev.zvonok.server.audit.AuditLog;
import dev.zvonok.server.audit.AuditQuery;
import dev.zvonok.server.auth.Access;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * {@code GET /api/admin/audit?from=&to=&user=&entity=&entityId=&page=&limit=}: the audit log, newest first.
 * {@code from} and {@code to} are days of the call centre's zone (both inclusive) or instants; {@code user} is the
 * login of whoever acted; {@code entity} is {@code user}, {@code dealer}, {@code company}, {@code line}, {@code team}
 * or {@code login} (logins and failed logins).
 */
final class AuditRoutes implements Routes {

    private final AuditLog audit;
    private final ZoneId zone;

    AuditRoutes(AuditLog audit, ZoneId zone) {
        this.audit = Objects.requireNonNull(audit, "audit");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/admin/audit", this::list, Access.ADMIN);
    }

    private void list(Context ctx) {
        QueryParams params = Requests.query(ctx);
        Paging paging = Paging.of(params);
        Instant from = params.moment("from", zone, false);
        Instant to = params.moment("to", zone, true);
        if (from != null && to != null && !from.isBefore(to)) {
            throw AdminProblem.invalid("to", "must not be before from");
        }
        String entity = params.oneOf("entity", "user", "dealer", "company", "line", "team", AuditLog.LOGIN,
                AuditLog.IMPORT);
        var found = audit.search(new AuditQuery(from, to, params.text("user"), entity, params.id("entityId"),
                paging.offset(), paging.limit()));
        ctx.json(paging.page(found, entry -> entry));
    }
}
