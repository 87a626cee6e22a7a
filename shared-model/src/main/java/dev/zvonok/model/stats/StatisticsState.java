package dev.zvonok.model.stats;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Whether the server's statistics can be counted now, or are being recomputed after a change of their settings (or
 * an upgrade): then the board's counters are the last ones counted, or none, and the board says why in words. On the
 * wire in lower case; a board snapshot without it is {@link #READY} (what a server before it meant).
 */
public enum StatisticsState {
    /** Counted as calls are recorded. */
    READY,
    /** Being recomputed: counters come back when it ends (minutes per million calls). */
    RECOMPUTING;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
