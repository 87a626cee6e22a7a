package dev.zvonok.app.history;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** How the history's screens ask a source or the dialer. */
final class Answers {

    private Answers() {
    }

    /**
     * What {@code ask} answers; a failed answer when it throws or answers nothing instead, so that a broken source is
     * a failed load or call back on the screen, never an exception on the FX thread.
     *
     * @param asked who is asked, for the failure's message ("the source")
     */
    static <T> CompletableFuture<T> of(Supplier<CompletableFuture<T>> ask, String asked) {
        try {
            return Objects.requireNonNull(ask.get(), asked + " returned no future");
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
