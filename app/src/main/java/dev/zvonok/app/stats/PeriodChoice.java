package dev.zvonok.app.stats;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** The periods the Statistics view offers, as days of the call centre. */
public enum PeriodChoice {
    TODAY,
    YESTERDAY,
    /** Monday to today. */
    THIS_WEEK,
    /** Today and the six days before. */
    LAST_7_DAYS,
    /** The first of the month to today. */
    THIS_MONTH,
    LAST_MONTH,
    /** The days the supervisor picks. */
    CUSTOM;

    /** The days this period covers on {@code today}; {@link #CUSTOM} is {@code from} to {@code to}. */
    public DateRange range(LocalDate today, LocalDate from, LocalDate to) {
        return switch (this) {
            case TODAY -> new DateRange(today, today);
            case YESTERDAY -> new DateRange(today.minusDays(1), today.minusDays(1));
            case THIS_WEEK -> new DateRange(today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), today);
            case LAST_7_DAYS -> new DateRange(today.minusDays(6), today);
            case THIS_MONTH -> new DateRange(today.withDayOfMonth(1), today);
            case LAST_MONTH -> {
                LocalDate first = today.withDayOfMonth(1).minusMonths(1);
                yield new DateRange(first, first.with(TemporalAdjusters.lastDayOfMonth()));
            }
            case CUSTOM -> from == null || to == null ? new DateRange(today, today)
                    : new DateRange(from.isAfter(to) ? to : from, from.isAfter(to) ? from : to);
        };
    }
}
