package dev.zvonok.model.stats;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/stats/my}: an operator's own parts in the calls of a period (the same as their row of
 * {@link OperatorFigures}), and day by day.
 *
 * @param total          their parts: each time their phone rang, or they picked a call up
 * @param accepted       parts they answered
 * @param missed         parts that rang them and nobody answered (not those a colleague answered)
 * @param acceptanceRate accepted ÷ total, 0..1; null when none
 */
public record MyStats(StatsPeriod period, long total, long accepted, long missed, Double acceptanceRate,
                      List<Day> days) {

    public MyStats {
        days = List.copyOf(days);
    }

    /** One of the call centre's days of the period, every day present. */
    public record Day(LocalDate date, long total, long accepted, long missed) {
    }
}
