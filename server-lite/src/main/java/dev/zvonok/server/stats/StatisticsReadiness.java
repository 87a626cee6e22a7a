package dev.zvonok.server.stats;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether the statistics' kept rows can be read now, or are being recomputed for new settings
 * ({@link StatisticsRecompute}): while they are, a question would wait for the whole recompute (minutes per million
 * calls), so the readers refuse or show what they had instead.
 */
public interface StatisticsReadiness {

    /** Since when the rows are being recomputed; empty when they can be read. */
    Optional<Instant> recomputingSince();

    /** Always readable: the statistics of a server that adopted its settings before it started, and of tests. */
    static StatisticsReadiness ready() {
        return Optional::empty;
    }
}
