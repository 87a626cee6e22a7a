package dev.zvonok.server.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The call centre's days: in its time zone, from its day boundary to the next. A day is not always 24 hours long
 * (daylight saving time) and a 24-hour centre may close its day at 06:00 instead of midnight: every "today" and every
 * "per day" of the statistics comes from here.
 */
public final class BusinessDays {

    private final ZoneId zone;
    private final LocalTime boundary;

    public BusinessDays(ZoneId zone, LocalTime boundary) {
        this.zone = zone;
        this.boundary = boundary;
    }

    public BusinessDays(StatsSettings settings) {
        this(settings.zone(), settings.dayStartsAt());
    }

    /** The business day {@code at} falls in; with a 06:00 boundary, 03:00 still belongs to yesterday. */
    public LocalDate dayOf(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalDate date = local.toLocalDate();
        return local.toLocalTime().isBefore(boundary) ? date.minusDays(1) : date;
    }

    /** The day {@code at} falls in, as a period. */
    public Period around(Instant at) {
        return days(dayOf(at), dayOf(at));
    }

    /** From the start of {@code first} to the end of {@code last}, both included. */
    public Period days(LocalDate first, LocalDate last) {
        return new Period(start(first), start(last.plusDays(1)));
    }

    /**
     * When {@code day} begins. A boundary that does not exist that day (skipped by a clock change) moves forward by
     * the gap, as the wall clocks do.
     */
    public Instant start(LocalDate day) {
        return ZonedDateTime.of(day, boundary, zone).toInstant();
    }

    public ZoneId zone() {
        return zone;
    }
}
