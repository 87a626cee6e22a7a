package dev.zvonok.model.stats;

import java.util.List;

/**
 * {@code GET /api/stats/timeline}: the period cut into hours, days, weeks or months of the call centre, empty ones
 * included; the first and the last are cut to the period.
 *
 * @param by {@code hour}, {@code day}, {@code week} (from Monday) or {@code month}
 */
public record StatsTimeline(StatsPeriod period, String by, List<TimelineBucket> buckets) {

    public StatsTimeline {
        buckets = List.copyOf(buckets);
    }
}
