package dev.zvonok.app.fx;

import java.util.concurrent.Executor;
import javafx.application.Platform;

/**
 * The one hop back to the JavaFX Application Thread. View-models take an {@link Executor} for it: this in the app,
 * {@code Runnable::run} in their unit tests, so that they are tested without any FX thread.
 */
public final class FxThread implements Executor {

    @Override
    public void execute(Runnable task) {
        if (Platform.isFxApplicationThread()) {
            task.run();
        } else {
            Platform.runLater(task);
        }
    }
}
