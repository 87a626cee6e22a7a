package dev.zvonok.server.history;

import dev.zvonok.model.api.CountedIn;
import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.api.ApiException;
import dev.zvonok.server.api.Routes;
import dev.zvonok.server.auth.AuthenticatedUser;
import dev.zvonok.server.auth.RequestUser;
import dev.zvonok.server.calls.CallCondition;
import dev.zvonok.server.calls.CallRepository;
import dev.zvonok.server.stats.FigureCalls;
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
 * {@code countedIn} with the {@code stats.} parameters ({@link CountedIn}) lists only the calls a statistics figure
 * counts, by the statistics' own rule ({@link FigureCalls}).
 */
public final class CallHistoryRoutes implements Routes {

    private final CallRepository calls;
    private final PhoneNumbers numbers;
    private final ZoneId zone;
    private final Function<LocalDate, Instant> dayStart;
    private final FigureCalls figures;

    /**
     * Days from midnight, and no statistics to list a figure's calls of ({@code countedIn} is refused): see
     * {@link #CallHistoryRoutes(CallRepository, PhoneNumbers, ZoneId, Function, FigureCalls)}.
     */
    public CallHistoryRoutes(CallRepository calls, PhoneNumbers numbers, ZoneId zone) {
        this(calls, numbers, zone, day -> day.atStartOfDay(zone).toInstant(), null);
    }

    /**
     * @param zone     the call centre's: a local date-time without an offset is one of its
     * @param dayStart when a day the {@code dateFrom} and {@code dateTo} dates name begins: the call centre's, from
     *                 its day boundary, as the statistics count (so that a figure's calls are the journal's)
     * @param figures  the calls a statistics figure counts, for {@code countedIn}; null: refused
     */
    public CallHistoryRoutes(CallRepository calls, PhoneNumbers numbers, ZoneId zone,
                             Function<LocalDate, Instant> dayStart, FigureCalls figures) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.numbers = Objects.requireNonNull(numbers, "numbers");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.dayStart = Objects.requireNonNull(dayStart, "dayStart");
        this.figures = figures;
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
        var page = calls.search(request.query().operator(operator).counted(counted(ctx, user)));
        ctx.json(CallViews.page(page, request.page(), request.limit()));
    }

    /**
     * The calls the statistics of {@code countedIn} count for this user, asked with the {@code stats.} parameters;
     * null when not asked.
     */
    private CallCondition counted(Context ctx, AuthenticatedUser user) {
        String raw = ctx.queryParam(CountedIn.PARAMETER);
        boolean statsAsked = ctx.queryParamMap().keySet().stream().anyMatch(CountedIn.STATS_PARAMETERS::contains);
        if (raw == null || raw.isBlank()) {
            if (statsAsked) {
                throw ApiException.badRequest(CountedIn.PARAMETER + ": names the statistics the "
                        + CountedIn.PREFIX + " parameters ask (" + CountedIn.names() + ")");
            }
            return null;
        }
        CountedIn counted = CountedIn.parse(raw.strip());
        if (counted == null) {
            throw ApiException.badRequest(CountedIn.PARAMETER + ": " + CountedIn.names() + ", not " + raw);
        }
        if (!user.seesAllCalls()) {
            // as /api/stats/*: a supervisor's and an admin's
            throw new ApiException(HttpStatus.FORBIDDEN, "forbidden",
                    CountedIn.PARAMETER + ": the statistics are for supervisors and admins");
        }
        if (figures == null) {
            throw ApiException.badRequest(CountedIn.PARAMETER + ": this server keeps no statistics");
        }
        return figures.of(counted, name -> ctx.queryParams(CountedIn.PREFIX + name), user);
    }

    private void details(Context ctx) {
        AuthenticatedUser user = RequestUser.of(ctx);
        String id = ctx.pathParam("id");
        var call = calls.findByLinkedid(id, user.seesAllCalls() ? null : user.id())
                .orElseThrow(() -> ApiException.notFound("no call " + id));
        ctx.json(CallViews.details(call));
    }
}
