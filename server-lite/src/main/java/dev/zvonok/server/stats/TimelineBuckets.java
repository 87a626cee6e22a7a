package dev.zvonok.server.stats;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * How a timeline cuts the call centre's days {@code first} to {@code last}: into hours (real ones: a day the clocks go
 * forward has 23, back 25), days, weeks from Monday, or months — each day from the day boundary. The first and the last
 * stretch are cut to the period, so the buckets add up to it.
 */
public enum TimelineBuckets {
    HOUR, DAY, WEEK, MONTH;

    public static TimelineBuckets parse(String by) {
        try {
            return by == null || by.isBlank() ? DAY : valueOf(by.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("by: hour, day, week or month, not " + by);
        }
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Where each stretch begins, then where the last ends: one more boundary than stretches. */
    public List<Instant> boundaries(LocalDate first, LocalDate last, BusinessDays days) {
        List<Instant> boundaries = new ArrayList<>();
        Instant end = days.start(last.plusDays(1));
        if (this == HOUR) {
            for (Instant at = days.start(first); at.isBefore(end); at = at.plus(Duration.ofHours(1))) {
                boundaries.add(at);
            }
        } else {
            for (LocalDate day = first; !day.isAfter(last); day = next(day)) {
                boundaries.add(days.start(day));
            }
        }
        boundaries.add(end);
        return boundaries;
    }

    /**
     * Which stretch between consecutive {@code boundaries} {@code at} falls in: 1 for the first, n for the n-th (0
     * before the first, the number of boundaries after the last). One expression, whatever the number of stretches.
     */
    static Field<Integer> stretchOf(Field<OffsetDateTime> at, List<Instant> boundaries) {
        String thresholds = boundaries.stream().map(Instant::toString).collect(Collectors.joining(",", "{", "}"));
        return DSL.field("width_bucket({0}, cast({1} as timestamptz[]))", Integer.class, at, DSL.val(thresholds));
    }

    private LocalDate next(LocalDate day) {
        return switch (this) {
            case DAY -> day.plusDays(1);
            case WEEK -> day.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            case MONTH -> day.with(TemporalAdjusters.firstDayOfNextMonth());
            case HOUR -> throw new IllegalStateException("hours are not days");
        };
    }
}
