package dev.zvonok.app.stats;

import dev.zvonok.model.api.CallPage;
import dev.zvonok.model.board.BoardSnapshot;
import dev.zvonok.model.stats.CallbackAssignment;
import dev.zvonok.model.stats.MyStats;
import dev.zvonok.model.stats.StatsCallbacks;
import dev.zvonok.model.stats.StatsLines;
import dev.zvonok.model.stats.StatsOperators;
import dev.zvonok.model.stats.StatsSummary;
import dev.zvonok.model.stats.StatsTimeline;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;

/**
 * The server's statistics and call journal, asked off the FX thread; every answer completes on a background thread.
 * A server that cannot be reached fails the future with an {@link java.io.IOException}.
 */
public interface StatsSource {

    CompletableFuture<StatsSummary> summary(StatsRequest query);

    /** @param by {@code hour}, {@code day}, {@code week} or {@code month} */
    CompletableFuture<StatsTimeline> timeline(StatsRequest query, String by);

    CompletableFuture<StatsOperators> operators(StatsRequest query);

    CompletableFuture<StatsLines> lines(StatsRequest query);

    CompletableFuture<StatsCallbacks> callbacks(StatsRequest query, int page, int limit);

    /** Gives the number of the missed call {@code callId} to the user {@code userId} to call back. */
    CompletableFuture<CallbackAssignment> assign(long callId, long userId);

    /** Gives the number of the missed call {@code callId} to nobody. */
    CompletableFuture<Void> withdraw(long callId);

    /** The asking user's own figures, day by day. */
    CompletableFuture<MyStats> my(LocalDate from, LocalDate to);

    /** A report as the server exports it, the bytes of the file. */
    CompletableFuture<byte[]> export(Report report, StatsRequest query, ExportFormat format);

    /** {@code GET /api/calls}: a page of the journal. */
    CompletableFuture<CallPage> journal(JournalQuery query);

    /** Who and what there is to filter by: the board's operators, teams and queues. */
    CompletableFuture<BoardSnapshot> choices();

    /** The statistics routes that export. */
    enum Report {
        SUMMARY, TIMELINE, OPERATORS, LINES, CALLBACKS;

        public String path() {
            return "/api/stats/" + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    enum ExportFormat {
        CSV, XLSX;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
