package dev.zvonok.model.stats;

/**
 * One line's inbound figures over a period: a line of the administration (its name as the call was given it), or the
 * dialled number of calls on no known line. The definitions are those of {@link InboundCounters}.
 *
 * @param line   what {@code line=} filters by: the line's name, or the dialled number
 * @param source the line's advertising source when it has one
 */
public record LineFigures(String line, String source, long total, long answered, long missed, long abandoned,
                          Double acceptanceRate, Double asaSeconds, Double serviceLevel,
                          int serviceLevelThresholdSeconds) {
}
