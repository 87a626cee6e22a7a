package dev.zvonok.app.history;

import dev.zvonok.model.stats.AssignedCallbacks;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /api/callbacks/mine}: the numbers a supervisor gave the logged-in user to call back and nobody has reached
 * since. The future completes off the FX thread.
 */
@FunctionalInterface
public interface AssignedCallbacksSource {

    CompletableFuture<AssignedCallbacks> assignedToMe();
}
