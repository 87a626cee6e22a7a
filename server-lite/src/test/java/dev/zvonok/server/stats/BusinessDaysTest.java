package dev.zvonok.server.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The call centre's days: its zone, its boundary, and days that are not 24 hours long. */
class BusinessDaysTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @Test
    void aCallAtMidnightBelongsToTheNewDayAndOneASecondBeforeToTheOld() {
        BusinessDays days = new BusinessDays(MOSCOW, LocalTime.MIDNIGHT);

        assertThat(days.dayOf(Instant.parse("2026-12-03T20:59:59Z"))).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(days.dayOf(Instant.parse("2026-12-03T21:00:00Z"))).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(days.around(Instant.parse("2026-12-04T12:00:00Z")))
                .isEqualTo(new Period(Instant.parse("2026-12-03T21:00:00Z"), Instant.parse("2026-12-04T21:00:00Z")));
    }

    @Test
    void aTwentyFourHourCentreWhoseDayEndsAtSixCountsTheNightToTheDayBefore() {
        BusinessDays days = new BusinessDays(MOSCOW, LocalTime.of(6, 0));

        assertThat(days.dayOf(Instant.parse("2026-12-04T02:59:59Z"))).as("05:59:59").isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(days.dayOf(Instant.parse("2026-12-04T03:00:00Z"))).as("06:00").isEqualTo(LocalDate.of(2026, 12, 4));
    }

    @Test
    void theDaysOfTheClockChangesAreTwentyThreeAndTwentyFiveHoursLong() {
        BusinessDays days = new BusinessDays(BERLIN, LocalTime.MIDNIGHT);

        Period spring = days.days(LocalDate.of(2026, 3, 29), LocalDate.of(2026, 3, 29));
        Period autumn = days.days(LocalDate.of(2026, 10, 25), LocalDate.of(2026, 10, 25));

        assertThat(Duration.between(spring.from(), spring.to())).isEqualTo(Duration.ofHours(23));
        assertThat(Duration.between(autumn.from(), autumn.to())).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void aBoundaryTheClockSkipsMovesForwardByTheGap() {
        BusinessDays days = new BusinessDays(BERLIN, LocalTime.of(2, 30));

        // on 29 March 2026 Berlin's clocks jump from 02:00 to 03:00: the day starts at 03:30 local, 01:30 UTC
        assertThat(days.start(LocalDate.of(2026, 3, 29))).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    }
}
