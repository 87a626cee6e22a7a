package dev.zvonok.app.stats;

import dev.zvonok.app.i18n.Texts;
import dev.zvonok.model.api.CallListParameters;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Objects;

/**
 * When the calls a figure counts started: whole days of the call centre (a tile, a table's row), or one stretch of a
 * chart (an hour, a day, a week) as the server cut it, exactly.
 */
public sealed interface JournalPeriod {

    /** Writes the period as {@code GET /api/calls} takes it. */
    CallListParameters into(CallListParameters parameters);

    /** The period as the journal's header says it, in the user's language. */
    String describe(Texts t);

    /** The call centre's days {@code from} to {@code to}, both included, as the statistics count them. */
    record Days(DateRange days) implements JournalPeriod {

        public Days {
            Objects.requireNonNull(days, "days");
        }

        @Override
        public CallListParameters into(CallListParameters parameters) {
            return parameters.days(days.from(), days.to());
        }

        @Override
        public String describe(Texts t) {
            DateTimeFormatter day = dates(t);
            return days.to().equals(days.from()) ? day.format(days.from())
                    : day.format(days.from()) + " – " + day.format(days.to());
        }
    }

    /**
     * Calls that started in {@code [from, to)}: a stretch of a timeline, its instants as the server gave them (a day
     * the clocks change is not 24 hours long, nor is its week 168).
     *
     * @param zone the call centre's, whose clocks the header reads the stretch on (as the chart labels it)
     */
    record Between(Instant from, Instant to, ZoneId zone) implements JournalPeriod {

        public Between {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(zone, "zone");
            if (!to.isAfter(from)) {
                throw new IllegalArgumentException("a stretch ends after it starts: " + from + " .. " + to);
            }
        }

        @Override
        public CallListParameters into(CallListParameters parameters) {
            return parameters.during(from, to);
        }

        /**
         * "05.12.2026 14:00–15:00" for an hour; days from midnight to midnight as {@link Days} says them
         * ("30.11.2026 – 06.12.2026" for a week); otherwise both ends with their times.
         */
        @Override
        public String describe(Texts t) {
            ZonedDateTime start = from.atZone(zone);
            ZonedDateTime end = to.atZone(zone);
            if (start.toLocalTime().equals(LocalTime.MIDNIGHT) && end.toLocalTime().equals(LocalTime.MIDNIGHT)) {
                return new Days(new DateRange(start.toLocalDate(), end.toLocalDate().minusDays(1))).describe(t);
            }
            DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(t.locale());
            String day = dates(t).format(start);
            boolean sameDay = start.toLocalDate().equals(end.minusNanos(1).toLocalDate());
            return sameDay ? t.format("journal.period.hours", day, time.format(start), time.format(end))
                    : t.format("journal.period.moments", day, time.format(start), dates(t).format(end),
                    time.format(end));
        }
    }

    private static DateTimeFormatter dates(Texts t) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(t.locale());
    }
}
