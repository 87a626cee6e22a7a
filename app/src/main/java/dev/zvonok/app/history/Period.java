package dev.zvonok.app.history;

import java.time.LocalDate;

/** Which days the history shows. */
public enum Period {
    TODAY,
    YESTERDAY,
    LAST_7_DAYS,
    /** Between the two dates the operator picks (either may be open). */
    CUSTOM;

    /** The first day, or null for no lower bound. */
    LocalDate from(LocalDate today, LocalDate customFrom, LocalDate customTo) {
        return switch (this) {
            case TODAY -> today;
            case YESTERDAY -> today.minusDays(1);
            case LAST_7_DAYS -> today.minusDays(6);
            case CUSTOM -> customFrom != null && customTo != null && customTo.isBefore(customFrom)
                    ? customTo : customFrom;
        };
    }

    /** The last day, inclusive, or null for "up to now" (so a call that has just ended is in). */
    LocalDate to(LocalDate today, LocalDate customFrom, LocalDate customTo) {
        return switch (this) {
            case TODAY, LAST_7_DAYS -> null;
            case YESTERDAY -> today.minusDays(1);
            // picked the wrong way round: the operator means the days between them
            case CUSTOM -> customFrom != null && customTo != null && customTo.isBefore(customFrom)
                    ? customFrom : customTo;
        };
    }
}
