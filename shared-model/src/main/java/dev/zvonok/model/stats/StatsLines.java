package dev.zvonok.model.stats;

import java.util.List;

/** {@code GET /api/stats/lines}: the inbound calls of the period per line, the busiest first. */
public record StatsLines(StatsPeriod period, List<LineFigures> lines) {

    public StatsLines {
        lines = List.copyOf(lines);
    }
}
