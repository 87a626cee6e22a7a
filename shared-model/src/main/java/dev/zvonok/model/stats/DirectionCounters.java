package dev.zvonok.model.stats;

/**
 * The outbound or internal calls of a period.
 *
 * @param total    calls that started in the period
 * @param answered of them, those the other party answered
 */
public record DirectionCounters(long total, long answered) {
}
