package dev.zvonok.model.stats;

import java.util.List;

/**
 * {@code GET /api/stats/callbacks}: the numbers to call back, who has waited longest first, a page of them.
 *
 * @param total how many numbers in all
 */
public record StatsCallbacks(StatsPeriod period, long total, int page, int limit, List<CallbackItem> items) {

    public StatsCallbacks {
        items = List.copyOf(items);
    }
}
