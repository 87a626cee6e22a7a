package dev.zvonok.app.stats;

import java.time.Duration;
import javafx.animation.PauseTransition;

/**
 * Runs a retry later on the FX thread, without holding it: how the statistics' screens ask again while the server
 * recomputes. An interface so that the view-models are tested without the FX toolkit (the test runs the retry).
 */
@FunctionalInterface
public interface RetryLater {

    /** Runs {@code retry} on the FX thread after {@code wait}. Called on the FX thread. */
    void after(Duration wait, Runnable retry);

    /** No retry by itself: the user's refresh, or the next event, asks again. */
    static RetryLater never() {
        return (wait, retry) -> {
        };
    }

    /** A {@link PauseTransition}: the FX thread's own timer, nothing blocks. */
    static RetryLater onFxThread() {
        return (wait, retry) -> {
            PauseTransition pause = new PauseTransition(javafx.util.Duration.millis(wait.toMillis()));
            pause.setOnFinished(done -> retry.run());
            pause.play();
        };
    }
}
