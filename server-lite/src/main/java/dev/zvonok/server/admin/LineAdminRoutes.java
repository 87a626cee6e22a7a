package dev.zvonok.server.admin;

import dev.zvonok.model.admin.AdminRules;
import dev.zvonok.model.admin.AdminSort;
import dev.zvonok.model.admin.LineRequest;
import dev.zvonok.server.api.Routes;
import dev.zvonok.server.audit.AuditLog;
import dev.zvonok.server.auth.Access;
import dev.zvonok.server.directory.Line;
import dev.zvonok.server.directory.LineDetails;
import dev.zvonok.server.directory.LineKind;
import dev.zvonok.server.directory.LineRepository;
import dev.zvonok.server.directory.NumberTakenException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/** {@code /api/admin/lines}: the PBX's incoming numbers and queues, with their names and advertising sources. */
final class LineAdminRoutes implements Routes {

    private static final String ENTITY = "line";

    private final LineRepository lines;
    private final PhoneInputs phones;
    private final AuditLog audit;
    private final Requests requests;

    LineAdminRoutes(LineRepository lines, PhoneInputs phones, AuditLog audit, Requests requests) {
        this.lines = Objects.requireNonNull(lines, "lines");
        this.phones = Objects.requireNonNull(phones, "phones");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.requests = Objects.requireNonNull(requests, "requests");
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/admin/lines", this::create, Access.ADMIN);
        routes.get("/api/admin/lines", this::list, Access.ADMIN);
        routes.get("/api/admin/lines/{id}", this::read, Access.ADMIN);
        routes.put("/api/admin/lines/{id}", this::update, Access.ADMIN);
        routes.delete("/api/admin/lines/{id}", this::delete, Access.ADMIN);
    }

    private void create(Context ctx) throws Exception {
        LineDetails details = details(requests.body(ctx, LineRequest.class));
        Line created = written(() -> lines.create(details,
                audit.recorder(requests.actor(ctx), "create", ENTITY, Line::id)));
        ctx.status(HttpStatus.CREATED).header("Location", "/api/admin/lines/" + created.id())
                .json(AdminViews.line(created));
    }

    private void list(Context ctx) {
        QueryParams params = Requests.query(ctx);
        Paging paging = Paging.of(params);
        String kind = params.oneOf("kind", AdminRules.DID, AdminRules.QUEUE);
        ctx.json(paging.page(lines.search(params.text("query"), kind == null ? null : LineKind.fromDb(kind),
                params.sort(AdminSort.LINES), paging.offset(), paging.limit()), AdminViews::line));
    }

    private void read(Context ctx) {
        long id = Requests.id(ctx);
        ctx.json(AdminViews.line(lines.find(id).orElseThrow(Requests.notFound(ENTITY, id))));
    }

    private void update(Context ctx) throws Exception {
        long id = Requests.id(ctx);
        LineDetails details = details(requests.body(ctx, LineRequest.class));
        Line after = written(() -> lines.update(id, details,
                audit.recorder(requests.actor(ctx), "update", ENTITY, Line::id)))
                .orElseThrow(Requests.notFound(ENTITY, id));
        ctx.json(AdminViews.line(after));
    }

    private void delete(Context ctx) {
        long id = Requests.id(ctx);
        if (!lines.delete(id, audit.recorder(requests.actor(ctx), "delete", ENTITY, Line::id))) {
            throw Requests.notFound(ENTITY, id).get();
        }
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private LineDetails details(LineRequest request) {
        LineKind kind = kind(request.kind());
        if (kind == LineKind.DID && request.number() != null && !request.number().isBlank()) {
            phones.did(request.number(), "number");
        }
        return Requests.checked(() -> new LineDetails(kind, request.number(), request.name(), request.source(),
                request.city(), request.comment()), Map.of());
    }

    private static LineKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return LineKind.DID;
        }
        return switch (kind.strip().toLowerCase(Locale.ROOT)) {
            case AdminRules.DID -> LineKind.DID;
            case AdminRules.QUEUE -> LineKind.QUEUE;
            default -> throw AdminProblem.invalid("kind", "must be " + AdminRules.DID + " or " + AdminRules.QUEUE
                    + ", was '" + kind + "'");
        };
    }

    private static <T> T written(Supplier<T> write) {
        try {
            return write.get();
        } catch (NumberTakenException e) {
            throw PhoneInputs.taken(e, "number");
        }
    }
}
