package dev.zvonok.server.stats;

import dev.zvonok.model.stats.StatsPeriod;
import dev.zvonok.model.stats.StatsQuery;
import dev.zvonok.server.api.ApiException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * The call centre's days a statistics question asks for ({@code dateFrom} to {@code dateTo}, both included; today when
 * absent), and the stretch of time they make: read once for the statistics and for the journal's calls of a figure.
 */
record AskedDays(LocalDate first, LocalDate last, Period period, String zone) {

    StatsPeriod wire() {
        return new StatsPeriod(first, last, period.from(), period.to(), zone);
    }

    /**
     * @param param a parameter of the question by its {@link StatsQuery} name, null when absent
     * @param now   the moment whose day "today" is
     */
    static AskedDays of(Function<String, String> param, BusinessDays days, Instant now) {
        LocalDate today = days.dayOf(now);
        LocalDate first = date(param, StatsQuery.DATE_FROM, today);
        LocalDate last = date(param, StatsQuery.DATE_TO, today);
        if (last.isBefore(first)) {
            throw ApiException.badRequest("dateTo: must not be before dateFrom");
        }
        if (first.plusDays(StatsRoutes.MAX_DAYS).isBefore(last.plusDays(1))) {
            throw ApiException.badRequest("dateTo: at most " + StatsRoutes.MAX_DAYS + " days from dateFrom");
        }
        return new AskedDays(first, last, days.days(first, last), days.zone().getId());
    }

    private static LocalDate date(Function<String, String> param, String name, LocalDate absent) {
        String raw = param.apply(name);
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
