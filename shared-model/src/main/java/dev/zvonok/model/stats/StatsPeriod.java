package dev.zvonok.model.stats;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The period a statistics answer covers: the call centre's days {@code dateFrom} to {@code dateTo} (both included),
 * from the start of the first to the start of the day after the last, in its time zone and from its day boundary.
 */
public record StatsPeriod(LocalDate dateFrom, LocalDate dateTo, Instant from, Instant to, String timeZone) {
}
