package dev.zvonok.app.stats;

import java.util.Objects;

/** What the Statistics window shows, made with the session: the figures, their calls, the numbers to call back. */
public record StatisticsModels(StatisticsViewModel statistics, JournalViewModel journal,
                               CallbacksViewModel callbacks) {

    public StatisticsModels {
        Objects.requireNonNull(statistics, "statistics");
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(callbacks, "callbacks");
    }
}
