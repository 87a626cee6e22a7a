package dev.zvonok.server.stats;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zvonok.model.api.ApiError;
import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.stats.CallbackItem;
import dev.zvonok.model.stats.DirectionCounters;
import dev.zvonok.model.stats.InboundCounters;
import dev.zvonok.model.stats.MyStats;
import dev.zvonok.model.stats.StatsCallbacks;
import dev.zvonok.model.stats.StatsLines;
import dev.zvonok.model.stats.StatsOperators;
import dev.zvonok.model.stats.StatsQuery;
import dev.zvonok.model.stats.StatsSummary;
import dev.zvonok.model.stats.StatsTimeline;
import dev.zvonok.model.stats.TimelineBucket;
import dev.zvonok.server.api.ApiException;
import dev.zvonok.server.api.Routes;
import dev.zvonok.server.auth.Access;
import dev.zvonok.server.auth.AuthenticatedUser;
import dev.zvonok.server.auth.RequestUser;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.Header;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The statistics of the call centre's days {@code dateFrom} to {@code dateTo} (both included; today when absent):
 * {@code /api/stats/summary}, {@code /timeline?by=hour|day|week|month}, {@code /operators} and {@code /callbacks} for
 * supervisors (their teams) and admins (everything), each also as {@code format=csv} or {@code format=xlsx};
 * {@code /api/stats/my} for everybody, their own parts.
 */
public final class StatsRoutes implements Routes {

    /** At most a year a question: what the hourly rows cannot answer (a supervisor's calls) is added up from calls. */
    static final int MAX_DAYS = 366;
    static final int MAX_LIMIT = 500;

    private final Statistics statistics;
    private final StatsFilters filters;
    private final BusinessDays days;
    private final Function<AuthenticatedUser, StatsScope> scopes;
    private final ObjectMapper json;
    private final Clock clock;
    private final UnaryOperator<List<CallbackItem>> assignees;
    private final StatisticsReadiness readiness;

    /** The questions the routes ask, each answered by its own class. */
    public record Statistics(InboundStatistics inbound, DirectionStatistics directions, OperatorStatistics operators,
                             CallbackStatistics callbacks) {
    }

    /**
     * @param scopes  what a user may count: everything for an admin, their teams for a supervisor
     * @param filters what a question narrows that to
     */
    public StatsRoutes(Statistics statistics, StatsFilters filters, BusinessDays days,
                       Function<AuthenticatedUser, StatsScope> scopes, ObjectMapper json, Clock clock) {
        this(statistics, filters, days, scopes, json, clock, UnaryOperator.identity(), StatisticsReadiness.ready());
    }

    /**
     * @param assignees the call-back list's numbers, each with whom it was given to call back
     * @param readiness whether the kept rows are being recomputed: then every route answers 503 at once rather than
     *                  wait minutes for the recompute's lock
     */
    public StatsRoutes(Statistics statistics, StatsFilters filters, BusinessDays days,
                       Function<AuthenticatedUser, StatsScope> scopes, ObjectMapper json, Clock clock,
                       UnaryOperator<List<CallbackItem>> assignees, StatisticsReadiness readiness) {
        this.readiness = Objects.requireNonNull(readiness, "readiness");
        this.assignees = Objects.requireNonNull(assignees, "assignees");
        this.statistics = Objects.requireNonNull(statistics, "statistics");
        this.filters = Objects.requireNonNull(filters, "filters");
        this.days = Objects.requireNonNull(days, "days");
        this.scopes = Objects.requireNonNull(scopes, "scopes");
        this.json = Objects.requireNonNull(json, "json");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/stats/summary", whenReady(this::summary), Access.SUPERVISOR);
        routes.get("/api/stats/timeline", whenReady(this::timeline), Access.SUPERVISOR);
        routes.get("/api/stats/operators", whenReady(this::operators), Access.SUPERVISOR);
        routes.get("/api/stats/lines", whenReady(this::lines), Access.SUPERVISOR);
        routes.get("/api/stats/callbacks", whenReady(this::callbacks), Access.SUPERVISOR);
        routes.get("/api/stats/my", whenReady(this::my));
        routes.exception(StatisticsRecomputingException.class, (e, ctx) -> ctx
                .header(Header.RETRY_AFTER, Long.toString(StatisticsRecomputingException.RETRY_AFTER.toSeconds()))
                .status(e.status())
                .json(new ApiError(e.code(), e.getMessage())));
    }

    /** The route, unless the rows are being recomputed: then 503 at once, whatever the format asked. */
    private Handler whenReady(Handler route) {
        return ctx -> {
            var since = readiness.recomputingSince();
            if (since.isPresent()) {
                throw new StatisticsRecomputingException(since.get());
            }
            route.handle(ctx);
        };
    }

    private void summary(Context ctx) {
        AskedDays asked = days(ctx);
        Format format = Format.of(ctx);
        StatsScope scope = scope(ctx);
        Instant now = clock.instant();
        InboundFigures inbound = statistics.inbound().inbound(asked.period(), scope, now);
        Map<CallDirection, DirectionCounters> directions = statistics.directions().of(asked.period(), scope);
        OperatorStatistics.Work work = statistics.operators().work(asked.period(), scope, now);
        StatsSummary summary = new StatsSummary(asked.wire(), inbound.total(), directions.get(CallDirection.OUTBOUND),
                directions.get(CallDirection.INTERNAL), work.talkSeconds(), work.holdSeconds(), work.wrapupSeconds(),
                work.ahtSeconds(),
                statistics.callbacks().counters(asked.period(), scope),
                statistics.inbound().repeatCallers(asked.period(), scope));
        answer(ctx, format, summary, () -> StatsExport.figures(json, summary), "summary");
    }

    private void timeline(Context ctx) {
        AskedDays asked = days(ctx);
        Format format = Format.of(ctx);
        TimelineBuckets by;
        try {
            by = TimelineBuckets.parse(ctx.queryParam(StatsQuery.BY));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        List<Instant> boundaries = by.boundaries(asked.first(), asked.last(), days);
        List<InboundCounters> counters = statistics.inbound().between(boundaries, scope(ctx));
        List<TimelineBucket> buckets = new ArrayList<>();
        for (int i = 0; i < counters.size(); i++) {
            InboundCounters c = counters.get(i);
            Instant from = boundaries.get(i);
            buckets.add(new TimelineBucket(from.atZone(days.zone()).toLocalDateTime(), from, boundaries.get(i + 1),
                    c.total(), c.answered(), c.missed(), c.abandoned(), c.serviceLevel()));
        }
        StatsTimeline timeline = new StatsTimeline(asked.wire(), by.wireName(), buckets);
        answer(ctx, format, timeline, () -> StatsExport.rows(json, timeline, "buckets"), "timeline");
    }

    private void operators(Context ctx) {
        AskedDays asked = days(ctx);
        Format format = Format.of(ctx);
        StatsOperators operators = new StatsOperators(asked.wire(), statistics.operators()
                .operators(asked.period(), scope(ctx), clock.instant()));
        answer(ctx, format, operators, () -> StatsExport.rows(json, operators, "operators"), "operators");
    }

    private void lines(Context ctx) {
        AskedDays asked = days(ctx);
        Format format = Format.of(ctx);
        StatsLines lines = new StatsLines(asked.wire(), statistics.inbound().lines(asked.period(), scope(ctx)));
        answer(ctx, format, lines, () -> StatsExport.rows(json, lines, "lines"), "lines");
    }

    private void callbacks(Context ctx) {
        AskedDays asked = days(ctx);
        Format format = Format.of(ctx);
        int page = number(ctx, "page", 1, Integer.MAX_VALUE / MAX_LIMIT, 1);
        int limit = number(ctx, "limit", 1, MAX_LIMIT, 50);
        StatsScope scope = scope(ctx);
        List<CallbackItem> items = assignees.apply(
                statistics.callbacks().list(asked.period(), scope, (page - 1) * limit, limit));
        StatsCallbacks callbacks = new StatsCallbacks(asked.wire(),
                statistics.callbacks().numbers(asked.period(), scope), page, limit, items);
        answer(ctx, format, callbacks, () -> StatsExport.rows(json, callbacks, "items"), "callbacks");
    }

    private void my(Context ctx) {
        AskedDays asked = days(ctx);
        Format format = Format.of(ctx);
        List<LocalDate> dayList = asked.first().datesUntil(asked.last().plusDays(1)).toList();
        OperatorStatistics.My my = statistics.operators().my(RequestUser.of(ctx).id(), dayList, days);
        MyStats mine = new MyStats(asked.wire(), my.total(), my.accepted(), my.missed(), my.acceptanceRate(),
                my.days());
        answer(ctx, format, mine, () -> StatsExport.rows(json, mine, "days"), "my");
    }

    /** What the asker may count, narrowed by the request's filters. */
    private StatsScope scope(Context ctx) {
        AuthenticatedUser asker = RequestUser.of(ctx);
        return filters.narrow(ctx::queryParams, asker, scopes.apply(asker));
    }

    /** JSON, or the same answer as a file, {@code zvonok-<name>.csv} or {@code .xlsx}. */
    private void answer(Context ctx, Format format, Object answer, Supplier<StatsExport.Table> table, String name) {
        switch (format) {
            case JSON -> ctx.json(answer);
            case CSV -> ctx.contentType("text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"zvonok-" + name + ".csv\"")
                    .result(StatsExport.csv(table.get()));
            case XLSX -> ctx.contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                    .header("Content-Disposition", "attachment; filename=\"zvonok-" + name + ".xlsx\"")
                    .result(StatsExport.xlsx(table.get()));
        }
    }

    private enum Format {
        JSON, CSV, XLSX;

        static Format of(Context ctx) {
            String raw = ctx.queryParam(StatsQuery.FORMAT);
            if (raw == null || raw.isBlank()) {
                return JSON;
            }
            return switch (raw.strip().toLowerCase(Locale.ROOT)) {
                case "json" -> JSON;
                case "csv" -> CSV;
                case "xlsx" -> XLSX;
                default -> throw ApiException.badRequest("format: json, csv or xlsx, not " + raw);
            };
        }
    }

    private AskedDays days(Context ctx) {
        return AskedDays.of(ctx::queryParam, days, clock.instant());
    }

    private static int number(Context ctx, String name, int min, int max, int absent) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return absent;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw ApiException.badRequest(name + ": a whole number from " + min + " to " + max + ", not " + raw);
    }
}
