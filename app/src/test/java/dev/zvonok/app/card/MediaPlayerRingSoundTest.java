package dev.zvonok.app.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.net.URI;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The ring never breaks a card: here (headless, perhaps without a sound device) it plays or stays silent, and nothing
 * is thrown, on the FX thread or any media thread (TestFX fails a test on an exception left uncaught anywhere).
 */
@ExtendWith(ApplicationExtension.class)
class MediaPlayerRingSoundTest {

    @Start
    void start(Stage primary) {
    }

    @Test
    void theShippedRingPlaysAndStopsOrStaysSilentWithoutAnError(FxRobot robot) throws Exception {
        MediaPlayerRingSound ring = MediaPlayerRingSound.load();
        robot.interact(() -> assertThatCode(() -> {
            ring.start(0.8);
            ring.start(0.5);
        }).doesNotThrowAnyException());
        Thread.sleep(500); // let the media threads try the device; their failures must not escape
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> assertThatCode(() -> {
            ring.stop();
            ring.stop();
            ring.start(0.8);
            ring.stop();
        }).doesNotThrowAnyException());
    }

    @Test
    void aRingThatCannotLoadIsSilent(FxRobot robot) throws Exception {
        var missing = URI.create("file:/nonexistent/zvonok-ring.wav").toURL();
        MediaPlayerRingSound ring = MediaPlayerRingSound.load(missing);
        robot.interact(() -> assertThatCode(() -> {
            ring.start(1.0);
            ring.stop();
        }).doesNotThrowAnyException());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ring.available()).isFalse();
        assertThat(MediaPlayerRingSound.load(null).available()).isFalse();
    }
}
