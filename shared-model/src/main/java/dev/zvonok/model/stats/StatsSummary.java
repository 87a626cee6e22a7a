package dev.zvonok.model.stats;

/**
 * {@code GET /api/stats/summary}: the figures of a period, over what the asking user may see (a supervisor their
 * teams, an admin everything).
 */
public record StatsSummary(StatsPeriod period, InboundCounters inbound) {
}
