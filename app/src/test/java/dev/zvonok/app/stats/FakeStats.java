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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The server's statistics for a view-model's test: every question recorded with the future it got, answered by the
 * test when it likes (so that the order of answers is the test's).
 */
final class FakeStats implements StatsSource {

    record Asked<T>(String what, Object query, CompletableFuture<T> answer) {
    }

    final List<Asked<?>> asked = new ArrayList<>();

    private <T> CompletableFuture<T> ask(String what, Object query) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        asked.add(new Asked<>(what, query, answer));
        return answer;
    }

    /** The last question of this kind. */
    @SuppressWarnings("unchecked")
    <T> Asked<T> last(String what) {
        for (int i = asked.size() - 1; i >= 0; i--) {
            if (asked.get(i).what().equals(what)) {
                return (Asked<T>) asked.get(i);
            }
        }
        throw new AssertionError("nothing asked for " + what + "; asked: " + asked);
    }

    List<Object> queries(String what) {
        return asked.stream().filter(a -> a.what().equals(what)).map(Asked::query).toList();
    }

    @Override
    public CompletableFuture<StatsSummary> summary(StatsRequest query) {
        return ask("summary", query);
    }

    @Override
    public CompletableFuture<StatsTimeline> timeline(StatsRequest query, String by) {
        return ask("timeline:" + by, query);
    }

    @Override
    public CompletableFuture<StatsOperators> operators(StatsRequest query) {
        return ask("operators", query);
    }

    @Override
    public CompletableFuture<StatsLines> lines(StatsRequest query) {
        return ask("lines", query);
    }

    @Override
    public CompletableFuture<CallbackAssignment> assign(long callId, long userId) {
        return ask("assign", List.of(callId, userId));
    }

    @Override
    public CompletableFuture<Void> withdraw(long callId) {
        return ask("withdraw", callId);
    }

    @Override
    public CompletableFuture<StatsCallbacks> callbacks(StatsRequest query, int page, int limit) {
        return ask("callbacks", query);
    }

    @Override
    public CompletableFuture<MyStats> my(LocalDate from, LocalDate to) {
        return ask("my", new DateRange(from, to));
    }

    @Override
    public CompletableFuture<byte[]> export(Report report, StatsRequest query, ExportFormat format) {
        return ask("export:" + report + ":" + format, query);
    }

    @Override
    public CompletableFuture<CallPage> journal(JournalQuery query) {
        return ask("journal", query);
    }

    @Override
    public CompletableFuture<BoardSnapshot> choices() {
        return ask("choices", null);
    }
}
