package dev.zvonok.app.history;

import dev.zvonok.app.settings.LatestSettingsWriter;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Keeps the history's table as the operator arranged it, across restarts: restores it from the store, then writes
 * every change off the FX thread (a column dragged wider changes the widths at every pulse: the writer keeps up by
 * writing only the newest).
 */
public final class HistoryColumnsKeeper {

    private HistoryColumnsKeeper() {
    }

    /** Restores {@code history}'s columns from {@code store} and saves them there whenever they change. */
    public static void keep(HistoryViewModel history, HistoryColumnsStore store, Executor background) {
        Objects.requireNonNull(store, "store");
        LatestSettingsWriter<HistoryColumns> writer =
                new LatestSettingsWriter<>("The history's columns", store.file(), store::save, background);
        history.restoreColumns(store.load());
        history.onColumnsChanged(writer);
    }
}
