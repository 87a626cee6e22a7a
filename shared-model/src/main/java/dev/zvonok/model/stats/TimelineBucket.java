package dev.zvonok.model.stats;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * One hour, day, week or month of a timeline: the inbound calls that started in it (see {@link InboundCounters}).
 *
 * @param start        when it begins on the call centre's clocks (twice the same hour when the clocks go back)
 * @param from         when it begins
 * @param to           when it ends (excluded)
 * @param serviceLevel see {@link InboundCounters#serviceLevel()}; null without calls
 */
public record TimelineBucket(LocalDateTime start, Instant from, Instant to, long total, long answered, long missed,
                             long abandoned, Double serviceLevel) {
}
