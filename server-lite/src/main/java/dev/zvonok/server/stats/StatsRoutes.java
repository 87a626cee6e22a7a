package dev.zvonok.server.stats;

import dev.zvonok.model.stats.StatsPeriod;
import dev.zvonok.model.stats.StatsSummary;
import dev.zvonok.server.api.ApiException;
import dev.zvonok.server.api.Routes;
import dev.zvonok.server.auth.Access;
import dev.zvonok.server.auth.AuthenticatedUser;
import dev.zvonok.server.auth.RequestUser;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.function.Function;

/**
 * {@code GET /api/stats/summary?dateFrom=2026-12-01&dateTo=2026-12-04}: the figures of the call centre's days
 * {@code dateFrom} to {@code dateTo} (both included; today when absent), for supervisors (their teams) and admins
 * (everything).
 */
public final class StatsRoutes implements Routes {

    /** Longer periods are the aggregates' job (not yet built): the raw calls of years are too slow to add up. */
    static final int MAX_DAYS = 366;

    private final InboundStatistics statistics;
    private final BusinessDays days;
    private final Function<AuthenticatedUser, StatsScope> scopes;
    private final Clock clock;

    /** @param scopes what a user may count: everything for an admin, their teams for a supervisor */
    public StatsRoutes(InboundStatistics statistics, BusinessDays days, Function<AuthenticatedUser, StatsScope> scopes,
                       Clock clock) {
        this.statistics = Objects.requireNonNull(statistics, "statistics");
        this.days = Objects.requireNonNull(days, "days");
        this.scopes = Objects.requireNonNull(scopes, "scopes");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/stats/summary", this::summary, Access.SUPERVISOR);
    }

    private void summary(Context ctx) {
        LocalDate today = days.dayOf(clock.instant());
        LocalDate first = date(ctx, "dateFrom", today);
        LocalDate last = date(ctx, "dateTo", today);
        if (last.isBefore(first)) {
            throw ApiException.badRequest("dateTo: must not be before dateFrom");
        }
        if (first.plusDays(MAX_DAYS).isBefore(last.plusDays(1))) {
            throw ApiException.badRequest("dateTo: at most " + MAX_DAYS + " days from dateFrom");
        }
        Period period = days.days(first, last);
        InboundFigures figures = statistics.inbound(period, scopes.apply(RequestUser.of(ctx)), clock.instant());
        ctx.json(new StatsSummary(new StatsPeriod(first, last, period.from(), period.to(), days.zone().getId()),
                figures.total()));
    }

    private static LocalDate date(Context ctx, String name, LocalDate absent) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return absent;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + ": a date such as 2026-12-04, not " + raw);
        }
    }
}
