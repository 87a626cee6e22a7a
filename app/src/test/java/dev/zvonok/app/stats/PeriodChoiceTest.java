package dev.zvonok.app.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeriodChoiceTest {

    /** A Thursday. */
    private static final LocalDate TODAY = LocalDate.parse("2026-12-03");

    @ParameterizedTest
    @CsvSource({
            "TODAY,       2026-12-03, 2026-12-03, hour",
            "YESTERDAY,   2026-12-02, 2026-12-02, hour",
            "THIS_WEEK,   2026-11-30, 2026-12-03, day",
            "LAST_7_DAYS, 2026-11-27, 2026-12-03, day",
            "THIS_MONTH,  2026-12-01, 2026-12-03, day",
            "LAST_MONTH,  2026-11-01, 2026-11-30, day",
    })
    void eachPeriodIsItsDaysAndTheChartsBarsFollowItsLength(PeriodChoice period, LocalDate from, LocalDate to,
                                                             String by) {
        DateRange days = period.range(TODAY, null, null);

        assertThat(days).isEqualTo(new DateRange(from, to));
        assertThat(days.timelineBy()).isEqualTo(by);
    }

    @Test
    void lastMonthInJanuaryIsLastYearsDecember() {
        assertThat(PeriodChoice.LAST_MONTH.range(LocalDate.parse("2027-01-15"), null, null))
                .isEqualTo(new DateRange(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-31")));
    }

    @Test
    void aCustomRangeIsTakenEitherWayRoundAndIsTodayUntilBothEndsArePicked() {
        LocalDate first = LocalDate.parse("2026-09-01");
        LocalDate last = LocalDate.parse("2026-11-30");

        assertThat(PeriodChoice.CUSTOM.range(TODAY, last, first)).isEqualTo(new DateRange(first, last));
        assertThat(PeriodChoice.CUSTOM.range(TODAY, first, last).timelineBy()).as("91 days: weeks").isEqualTo("week");
        assertThat(PeriodChoice.CUSTOM.range(TODAY, first, null)).isEqualTo(new DateRange(TODAY, TODAY));
    }
}
