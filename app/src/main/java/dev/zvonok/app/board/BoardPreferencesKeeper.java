package dev.zvonok.app.board;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a board's thresholds and mutes across restarts: restores them from the store, then writes every change off
 * the FX thread. Writes never overtake each other: each takes the newest preferences not written yet, so the file ends
 * with the last change however the background threads are scheduled.
 */
public final class BoardPreferencesKeeper {

    private static final Logger log = LoggerFactory.getLogger(BoardPreferencesKeeper.class);

    private final BoardPreferencesStore store;
    private final Executor background;
    private final AtomicReference<BoardPreferences> unsaved = new AtomicReference<>();

    private BoardPreferencesKeeper(BoardPreferencesStore store, Executor background) {
        this.store = store;
        this.background = background;
    }

    /** Restores {@code board}'s preferences from {@code store} and saves them there whenever they change. */
    public static void keep(BoardViewModel board, BoardPreferencesStore store, Executor background) {
        BoardPreferencesKeeper keeper = new BoardPreferencesKeeper(Objects.requireNonNull(store, "store"),
                Objects.requireNonNull(background, "background"));
        board.restore(store.load());
        board.onPreferencesChanged(keeper::changed);
    }

    private void changed(BoardPreferences preferences) {
        unsaved.set(preferences);
        background.execute(this::saveNewest);
    }

    private synchronized void saveNewest() {
        BoardPreferences newest = unsaved.getAndSet(null);
        if (newest == null) {
            return; // an earlier write took it
        }
        try {
            store.save(newest);
        } catch (IOException e) {
            log.warn("Board preferences could not be written to {}: {}", store.file(), e.toString());
        }
    }
}
