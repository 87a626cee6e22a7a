package dev.zvonok.app.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class HistoryQueryTest {

    private static final ZoneId SAMARA = ZoneId.of("Europe/Samara");

    @Test
    void whatTheServerWouldRefuseIsRefusedHere() {
        assertThatThrownBy(() -> new HistoryQuery(0, 50, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HistoryQuery(1, 101, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HistoryQuery(1, 50, HistoryQuery.startOf(LocalDate.of(2026, 11, 20), SAMARA),
                HistoryQuery.endOf(LocalDate.of(2026, 11, 18), SAMARA), null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDayIsTheOperatorsDayToTheLastMicrosecond() {
        assertThat(HistoryQuery.startOf(LocalDate.of(2026, 11, 21), SAMARA))
                .isEqualTo(OffsetDateTime.parse("2026-11-21T00:00:00+04:00"));
        assertThat(HistoryQuery.endOf(LocalDate.of(2026, 11, 21), SAMARA))
                .isEqualTo(OffsetDateTime.parse("2026-11-21T23:59:59.999999+04:00"));
        assertThat(HistoryQuery.startOf(null, SAMARA)).isNull();
        assertThat(HistoryQuery.endOf(null, SAMARA)).isNull();
    }
}
