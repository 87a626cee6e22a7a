package dev.zvonok.server.stats;

import static dev.zvonok.server.db.schema.Tables.CALLS;
import static dev.zvonok.server.db.schema.Tables.WORK_STATUS_LOG;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the statistics' kept rows those of the configured settings ({@link HourlyAggregates#adopt},
 * {@link WorkDays#adopt}) without holding the server's start up: on years of calls that takes minutes (about 2 per
 * million calls), and meanwhile the PBX must be followed, cards popped and calls recorded. So it runs on its own
 * thread, and until it is done the statistics say so ({@link #recomputingSince()}) instead of waiting for it.
 *
 * <p>A database without calls or work-status log has nothing to recompute: there the settings are adopted at once,
 * before the server starts, and the statistics never refuse (a new installation, the demo, the tests).
 *
 * <p>Calls recorded during the recompute are counted once, after it: their writers mark their hours stale, and the
 * first question after the recompute recomputes those hours whole ({@link HourlyAggregates}).
 */
public final class StatisticsRecompute implements StatisticsReadiness, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StatisticsRecompute.class);

    /** After a failure (the database away), the recompute is tried again this much later. */
    private static final Duration AGAIN_AFTER = Duration.ofSeconds(30);

    private final DSLContext dsl;
    private final HourlyAggregates hourly;
    private final WorkDays workDays;
    private final Clock clock;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private volatile Instant since;
    private Thread thread;

    public StatisticsRecompute(DSLContext dsl, HourlyAggregates hourly, WorkDays workDays, Clock clock) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.hourly = Objects.requireNonNull(hourly, "hourly");
        this.workDays = Objects.requireNonNull(workDays, "workDays");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Adopts the settings: not at all when the rows are already theirs, here and now when there is nothing to
     * recompute, else on a thread of its own.
     */
    public StatisticsRecompute start() {
        if (hourly.adopted() && workDays.current()) {
            done.complete(null);
            return this;
        }
        if (!dsl.fetchExists(CALLS) && !dsl.fetchExists(WORK_STATUS_LOG)) {
            hourly.adopt();
            workDays.adopt();
            done.complete(null);
            return this;
        }
        since = clock.instant();
        log.info("Statistics: recomputing every hour and day for the configured settings (after an upgrade or a "
                + "change of the service level, short abandon, wrap-up cap, zone or day boundary) in the background, "
                + "about 2 minutes per million calls; the statistics answer 503 until then, calls are followed now");
        thread = Thread.ofPlatform().name("statistics-recompute").daemon(true).start(this::recompute);
        return this;
    }

    private void recompute() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                phase("hourly rows (calls and operators' parts)", hourly::adopt);
                phase("work time per day", workDays::adopt);
                log.info("Statistics recomputed in {} s: the statistics answer again",
                        Duration.between(since, clock.instant()).toSeconds());
                since = null;
                done.complete(null);
                return;
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    return; // the server is stopping: the database went first
                }
                log.warn("Statistics: the recompute failed; trying again in {} s", AGAIN_AFTER.toSeconds(), e);
                try {
                    Thread.sleep(AGAIN_AFTER);
                } catch (InterruptedException stopping) {
                    return;
                }
            }
        }
    }

    private void phase(String name, Runnable adopt) {
        Instant started = clock.instant();
        log.info("Statistics: recomputing the {}", name);
        adopt.run();
        log.info("Statistics: the {} recomputed in {} s", name, Duration.between(started, clock.instant()).toSeconds());
    }

    @Override
    public Optional<Instant> recomputingSince() {
        return Optional.ofNullable(since);
    }

    /** Completes when the rows are the settings' (at once when they were). */
    public CompletableFuture<Void> done() {
        return done;
    }

    /** Stops waiting for a recompute under way: the server is stopping (its transaction ends with its connection). */
    @Override
    public void close() {
        if (thread != null) {
            thread.interrupt();
        }
    }
}
