package dev.zvonok.app.board;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a supervisor set up on their board and expects to find again after a restart: the alert thresholds and which
 * alerts they muted.
 */
public record BoardPreferences(BoardThresholds thresholds, Set<AlertKind> muted) {

    public BoardPreferences {
        Objects.requireNonNull(thresholds, "thresholds");
        muted = muted.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(muted));
    }

    public static BoardPreferences defaults() {
        return new BoardPreferences(BoardThresholds.defaults(), Set.of());
    }
}
