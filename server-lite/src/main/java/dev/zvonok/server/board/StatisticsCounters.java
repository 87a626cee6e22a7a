package dev.zvonok.server.board;

import dev.zvonok.model.stats.InboundCounters;
import dev.zvonok.model.stats.StatisticsState;
import dev.zvonok.server.stats.InboundFigures;
import dev.zvonok.server.stats.StatisticsReadiness;
import dev.zvonok.server.stats.StatsScope;
import dev.zvonok.server.stats.TodaysFigures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Today's counters on the board, from the statistics' own code ({@link TodaysFigures}), so that the board and the
 * reports never disagree. The recorder writes calls on its own thread, after the tracker reported them: this source
 * looks at the count of written events every {@code every} and tells the board when it moved or the figures have not
 * caught up with it yet (and, whatever it did, twice a minute, as open cards pass the wrap-up cap with time alone).
 *
 * <p>While the statistics are being recomputed ({@link StatisticsReadiness}), a question would wait for the whole
 * recompute on the board's thread and stall the board: then the counters are the last ones computed, or none (null:
 * the app shows dashes) — never zeros nobody counted — the board says why ({@link #statistics()}), and it is told
 * when a recompute begins and when it is done.
 */
public final class StatisticsCounters implements TodayCountersSource, AutoCloseable {

    private static final Duration ANYWAY = Duration.ofSeconds(30);

    private final TodaysFigures figures;
    private final LongSupplier written;
    private final StatisticsReadiness readiness;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "board-counters-watch");
        thread.setDaemon(true);
        return thread;
    });
    private long lastSeen = -1;
    private long checks;
    private boolean wasRecomputing;

    /** @param written a count that grows as calls and cards are written, e.g. the recorder's written events */
    public StatisticsCounters(TodaysFigures figures, LongSupplier written) {
        this(figures, written, StatisticsReadiness.ready());
    }

    /** @param readiness whether the statistics can be asked now, or are being recomputed */
    public StatisticsCounters(TodaysFigures figures, LongSupplier written, StatisticsReadiness readiness) {
        this.figures = Objects.requireNonNull(figures, "figures");
        this.written = Objects.requireNonNull(written, "written");
        this.readiness = Objects.requireNonNull(readiness, "readiness");
    }

    /** Starts looking every {@code every}. */
    public StatisticsCounters start(Duration every) {
        long anywayEvery = Math.max(1, ANYWAY.toMillis() / every.toMillis());
        watch.scheduleWithFixedDelay(() -> {
            long now = written.getAsLong();
            boolean recomputing = recomputing();
            boolean flipped = recomputing != wasRecomputing;
            wasRecomputing = recomputing;
            // figures asked for within TodaysFigures' minimum interval of a write are still the older ones: keep telling
            // the board until they caught up
            if (flipped || now != lastSeen || figures.behind() || ++checks % anywayEvery == 0) {
                lastSeen = now;
                listeners.forEach(Runnable::run);
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public Instant dayStart(Instant now) {
        return figures.dayStart();
    }

    @Override
    public InboundCounters total(BoardScope scope, Set<String> queues, Instant now) {
        StatsScope counted = scope.everything() ? StatsScope.everything() : StatsScope.of(scope.operators(), queues);
        return figuresOf(counted).map(InboundFigures::total).orElse(null);
    }

    @Override
    public InboundCounters ofQueue(String queue, Instant now) {
        return figuresOf(StatsScope.everything()).map(figures -> figures.queue(queue)).orElse(null);
    }

    /** Today's figures, or while the statistics are recomputed the last ones computed, if any. */
    private Optional<InboundFigures> figuresOf(StatsScope scope) {
        return recomputing() ? figures.last(scope) : Optional.of(figures.of(scope));
    }

    @Override
    public StatisticsState statistics() {
        return recomputing() ? StatisticsState.RECOMPUTING : StatisticsState.READY;
    }

    private boolean recomputing() {
        return readiness.recomputingSince().isPresent();
    }

    @Override
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public void close() {
        watch.shutdownNow();
    }
}
