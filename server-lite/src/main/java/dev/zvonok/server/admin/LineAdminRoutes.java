package dev.zvonok.server.admin;

import dev.zvonok.model.admin.AdminPage;
import dev.zvonok.model.admin.AdminRules;
import dev.zvonok.model.admin.AdminSort;
import dev.zvonok.model.admin.LineRequest;
import dev.zvonok.server.audit.AuditLog;
import dev.zvonok.server.directory.ChangeRecorder;
import dev.zvonok.server.directory.Line;
import dev.zvonok.server.directory.LineDetails;
import dev.zvonok.server.directory.LineKind;
import dev.zvonok.server.directory.LineRepository;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@code /api/admin/lines}: the PBX's incoming numbers and queues, with their names and advertising sources. */
final class LineAdminRoutes extends EntityAdminRoutes<LineRequest, Line> {

    private final LineRepository lines;
    private final PhoneInputs phones;

    LineAdminRoutes(LineRepository lines, PhoneInputs phones, AuditLog audit, Requests requests) {
        super("line", "/api/admin/lines", LineRequest.class, Line::id, audit, requests);
        this.lines = Objects.requireNonNull(lines, "lines");
        this.phones = Objects.requireNonNull(phones, "phones");
    }

    @Override
    Line create(LineRequest request, ChangeRecorder<Line> audited) {
        LineDetails details = details(request);
        return PhoneInputs.written(() -> lines.create(details, audited), index -> "number");
    }

    @Override
    Optional<Line> update(long id, LineRequest request, ChangeRecorder<Line> audited) {
        LineDetails details = details(request);
        return PhoneInputs.written(() -> lines.update(id, details, audited), index -> "number");
    }

    @Override
    boolean delete(long id, ChangeRecorder<Line> audited) {
        return lines.delete(id, audited);
    }

    @Override
    Optional<Line> find(long id) {
        return lines.find(id);
    }

    @Override
    AdminPage<?> list(QueryParams params) {
        Paging paging = Paging.of(params);
        String kind = params.oneOf("kind", AdminRules.DID, AdminRules.QUEUE);
        return paging.page(lines.search(params.text("query"), kind == null ? null : LineKind.fromDb(kind),
                params.sort(AdminSort.LINES), paging.offset(), paging.limit()), AdminViews::line);
    }

    @Override
    Object view(Line stored) {
        return AdminViews.line(stored);
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
}
