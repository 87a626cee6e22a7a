package dev.zvonok.server.history;

import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.api.ApiException;
import dev.zvonok.server.api.Routes;
import dev.zvonok.server.auth.AuthenticatedUser;
import dev.zvonok.server.auth.RequestUser;
import dev.zvonok.server.calls.CallRepository;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Function;

/**
 * The call history and the supervisors' call journal: {@code GET /api/calls} (a page of calls, newest first, with
 * filters counted on the server — period, outcome, direction, number, operator, line, queue, team, tag, priority,
 * notes and name, see {@link dev.zvonok.model.api.CallFilter} — paged by number or by keyset cursor) and
 * {@code GET /api/calls/{id}} (one call with every operator's part, card and transfer). Supervisors and admins see
 * every call; an operator sees their own (offered to them, answered by them, or placed from their phones): asking for
 * somebody else's list is refused (403), and somebody else's call is not found (404), as if it did not exist.
 */
public final class CallHistoryRoutes implements Routes {

    private final CallRepository calls;
    private final PhoneNumbers numbers;
    private final ZoneId zone;
    private final Function<LocalDate, Instant> dayStart;

    /** Days from midnight: see {@link #CallHistoryRoutes(CallRepository, PhoneNumbers, ZoneId, Function)}. */
    public CallHistoryRoutes(CallRepository calls, PhoneNumbers numbers, ZoneId zone) {
        this(calls, numbers, zone, day -> day.atStartOfDay(zone).toInstant());
    }

    /**
     * @param zone     the call centre's: a local date-time without an offset is one of its
     * @param dayStart when a day the {@code dateFrom} and {@code dateTo} dates name begins: the call centre's, from
     *                 its day boundary, as the statistics count (so that a figure's calls are the journal's)
     */
    public CallHistoryRoutes(CallRepository calls, PhoneNumbers numbers, ZoneId zone,
                             Function<LocalDate, Instant> dayStart) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.numbers = Objects.requireNonNull(numbers, "numbers");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.dayStart = Objects.requireNonNull(dayStart, "dayStart");
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/calls", this::list);
        routes.get("/api/calls/{id}", this::details);
    }

    private void list(Context ctx) {
        AuthenticatedUser user = RequestUser.of(ctx);
        CallListRequest.refuseUnknown(ctx.queryParamMap().keySet());
        CallListRequest request = CallListRequest.parse(ctx::queryParam, zone, dayStart, numbers);
        Long operator = request.operatorId();
        if (!user.seesAllCalls()) {
            if (operator != null && operator != user.id()) {
                throw new ApiException(HttpStatus.FORBIDDEN, "forbidden",
                        "operatorId: operators see their own calls only");
            }
            operator = user.id();
        }
        var page = calls.search(request.query().operator(operator));
        ctx.json(CallViews.page(page, request.page(), request.limit()));
    }

    private void details(Context ctx) {
        AuthenticatedUser user = RequestUser.of(ctx);
        String id = ctx.pathParam("id");
        var call = calls.findByLinkedid(id, user.seesAllCalls() ? null : user.id())
                .orElseThrow(() -> ApiException.notFound("no call " + id));
        ctx.json(CallViews.details(call));
    }
}
