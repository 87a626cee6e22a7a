package dev.zvonok.app.board;

import dev.zvonok.app.settings.LatestSettingsWriter;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Keeps a board's thresholds and mutes across restarts: restores them from the store, then writes every change off
 * the FX thread, the file ending with the last change.
 */
public final class BoardPreferencesKeeper {

    private BoardPreferencesKeeper() {
    }

    /** Restores {@code board}'s preferences from {@code store} and saves them there whenever they change. */
    public static void keep(BoardViewModel board, BoardPreferencesStore store, Executor background) {
        Objects.requireNonNull(store, "store");
        LatestSettingsWriter<BoardPreferences> writer =
                new LatestSettingsWriter<>("Board preferences", store.file(), store::save, background);
        board.restore(store.load());
        board.onPreferencesChanged(writer);
    }
}
