package dev.zvonok.app.history;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the history's table as the operator arranged it, across restarts: restores it from the store, then writes
 * every change off the FX thread. A column dragged wider changes the widths at every pulse: each write takes the
 * newest arrangement not written yet, so a burst costs a few writes and the file ends with the last change.
 */
public final class HistoryColumnsKeeper {

    private static final Logger log = LoggerFactory.getLogger(HistoryColumnsKeeper.class);

    private final HistoryColumnsStore store;
    private final Executor background;
    private final AtomicReference<HistoryColumns> unsaved = new AtomicReference<>();

    private HistoryColumnsKeeper(HistoryColumnsStore store, Executor background) {
        this.store = store;
        this.background = background;
    }

    /** Restores {@code history}'s columns from {@code store} and saves them there whenever they change. */
    public static void keep(HistoryViewModel history, HistoryColumnsStore store, Executor background) {
        HistoryColumnsKeeper keeper = new HistoryColumnsKeeper(Objects.requireNonNull(store, "store"),
                Objects.requireNonNull(background, "background"));
        history.restoreColumns(store.load());
        history.onColumnsChanged(keeper::changed);
    }

    private void changed(HistoryColumns arranged) {
        if (unsaved.getAndSet(arranged) == null) {
            background.execute(this::saveNewest); // one write waiting is enough: it takes the newest
        }
    }

    private synchronized void saveNewest() {
        HistoryColumns newest = unsaved.getAndSet(null);
        if (newest == null) {
            return;
        }
        try {
            store.save(newest);
        } catch (IOException e) {
            log.warn("The history's columns could not be written to {}: {}", store.file(), e.toString());
        }
    }
}
