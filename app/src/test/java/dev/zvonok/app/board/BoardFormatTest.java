package dev.zvonok.app.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The board's times: m:ss under an hour, h:mm:ss past it, never negative. */
class BoardFormatTest {

    @Test
    void timesAreMinutesAndSecondsThenHours() {
        assertThat(BoardFormat.duration(Duration.ZERO)).isEqualTo("0:00");
        assertThat(BoardFormat.duration(Duration.ofSeconds(9))).isEqualTo("0:09");
        assertThat(BoardFormat.duration(Duration.ofSeconds(65))).isEqualTo("1:05");
        assertThat(BoardFormat.duration(Duration.ofSeconds(59 * 60 + 59))).isEqualTo("59:59");
        assertThat(BoardFormat.duration(Duration.ofSeconds(3600))).isEqualTo("1:00:00");
        assertThat(BoardFormat.duration(Duration.ofSeconds(3600 + 2 * 60 + 5))).isEqualTo("1:02:05");
        assertThat(BoardFormat.duration(Duration.ofHours(26).plusSeconds(61))).isEqualTo("26:01:01");
        assertThat(BoardFormat.duration(Duration.ofMillis(1999))).as("whole seconds").isEqualTo("0:01");
        assertThat(BoardFormat.duration(Duration.ofSeconds(-5))).as("a clock a little ahead").isEqualTo("0:00");
    }

    @Test
    void longNamesAreCutWithAnEllipsis() {
        assertThat(BoardFormat.shortened("ООО «Ромашка»", 20)).isEqualTo("ООО «Ромашка»");
        assertThat(BoardFormat.shortened("Общество с ограниченной ответственностью «Ромашка»", 20))
                .isEqualTo("Общество с ограниче…").hasSize(20);
        assertThat(BoardFormat.shortened("Индивидуальный предприниматель Иванов", 16))
                .as("no space before the ellipsis").isEqualTo("Индивидуальный…");
        assertThat(BoardFormat.shortened(null, 10)).isNull();
    }
}
