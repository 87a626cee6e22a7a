package dev.zvonok.app.stats;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** Days {@code from} to {@code to}, both included. */
public record DateRange(LocalDate from, LocalDate to) {

    public DateRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException(to + " is before " + from);
        }
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** Hours for one day, days up to two months, weeks beyond: a chart of a readable number of bars. */
    public String timelineBy() {
        return days() == 1 ? "hour" : days() <= 62 ? "day" : "week";
    }
}
