package dev.zvonok.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** The screen chosen for the cards, among screens as a multi-monitor desk has them. */
class CardScreensTest {

    /** A laptop (the primary screen, HiDPI at 150 %: 2880 px wide, 1920 logical) with a monitor on its left. */
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1920, 1160);
    private static final Rectangle2D MONITOR_ON_THE_LEFT = new Rectangle2D(-2560, 0, 2560, 1400);

    @Test
    void zeroIsThePrimaryScreen() {
        assertThat(CardScreens.workArea(0, List.of(LAPTOP, MONITOR_ON_THE_LEFT), LAPTOP)).isEqualTo(LAPTOP);
    }

    @Test
    void screensAreCountedFromTheLeftWhateverOrderTheSystemListsThem() {
        assertThat(CardScreens.workArea(1, List.of(LAPTOP, MONITOR_ON_THE_LEFT), LAPTOP))
                .isEqualTo(MONITOR_ON_THE_LEFT);
        assertThat(CardScreens.workArea(2, List.of(LAPTOP, MONITOR_ON_THE_LEFT), LAPTOP)).isEqualTo(LAPTOP);
    }

    @Test
    void aScreenThatWasUnpluggedFallsBackToThePrimaryOne() {
        assertThat(CardScreens.workArea(2, List.of(LAPTOP), LAPTOP)).isEqualTo(LAPTOP);
    }
}
