package dev.zvonok.model.stats;

/**
 * The missed and abandoned inbound calls of a period (from a known number) and whether their callers were reached
 * since: by an answered inbound call from the number, or an answered outbound call to it.
 *
 * @param pending       calls whose number has not been reached since: what a supervisor acts on
 * @param medianSeconds the median time from a missed call's start to its number being reached, over those reached;
 *                      null when none was
 * @param withinHour    the share of the missed and abandoned calls reached within an hour, 0..1; null when none
 */
public record CallbackCounters(long pending, Double medianSeconds, Double withinHour) {
}
