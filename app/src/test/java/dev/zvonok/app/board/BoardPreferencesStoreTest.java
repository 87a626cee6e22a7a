package dev.zvonok.app.board;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.app.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor's thresholds and mutes survive a restart of the app: a new view-model finds them again. */
class BoardPreferencesStoreTest {

    @TempDir
    Path dataDir;

    private BoardViewModel newBoard() {
        return new BoardViewModel(new BoardViewModelTest.RecordingSubscription(), new MutableClock(Boards.T0, Boards.ZONE),
                BoardThresholds.defaults(), number -> number);
    }

    @Test
    void thresholdsAndMutesChangedOnTheBoardAreThereAfterARestart() throws Exception {
        BoardPreferencesStore store = new BoardPreferencesStore(dataDir);
        BoardViewModel before = newBoard();
        BoardPreferencesKeeper.keep(before, store, Runnable::run);
        assertThat(before.preferences()).as("nothing stored yet").isEqualTo(BoardPreferences.defaults());

        before.mutedProperty(AlertKind.LONG_WRAPUP).set(true);
        before.thresholdsProperty().set(before.thresholdsProperty().get()
                .withUnansweredRingsAlert(5).withCallerWaitingAlert(Duration.ofSeconds(45))
                .withQueueCritical(Duration.ofSeconds(10)));

        BoardViewModel after = newBoard();
        BoardPreferencesKeeper.keep(after, new BoardPreferencesStore(dataDir), Runnable::run);
        assertThat(after.isMuted(AlertKind.LONG_WRAPUP)).isTrue();
        assertThat(after.isMuted(AlertKind.UNANSWERED_RINGS)).isFalse();
        BoardThresholds restored = after.thresholdsProperty().get();
        assertThat(restored.unansweredRingsAlert()).isEqualTo(5);
        assertThat(restored.callerWaitingAlert()).isEqualTo(Duration.ofSeconds(45));
        assertThat(restored.queueCritical()).isEqualTo(Duration.ofSeconds(10));
        assertThat(restored.queueWarning()).as("amber no later than red").isEqualTo(Duration.ofSeconds(10));
        assertThat(after.preferences()).isEqualTo(before.preferences());
    }

    @Test
    void aValueThatMakesNoSenseFallsBackToItsDefaultAndAnUnknownAlertIsIgnored() throws Exception {
        Files.writeString(dataDir.resolve(BoardPreferencesStore.FILE_NAME), """
                wrapupAlertSeconds=-4
                unansweredRingsAlert=two
                callerWaitingAlertSeconds=75
                muted=CALLER_WAITING, SOMETHING_NEW
                """, StandardCharsets.UTF_8);

        BoardPreferences loaded = new BoardPreferencesStore(dataDir).load();

        assertThat(loaded.thresholds()).isEqualTo(BoardThresholds.defaults()
                .withCallerWaitingAlert(Duration.ofSeconds(75)));
        assertThat(loaded.muted()).isEqualTo(Set.of(AlertKind.CALLER_WAITING));
    }

    @Test
    void redBeforeAmberInTheFileMeansTheDefaults() throws Exception {
        Files.writeString(dataDir.resolve(BoardPreferencesStore.FILE_NAME),
                "queueWarningSeconds=90\nqueueCriticalSeconds=30\n", StandardCharsets.UTF_8);

        assertThat(new BoardPreferencesStore(dataDir).load().thresholds()).isEqualTo(BoardThresholds.defaults());
    }
}
