package dev.zvonok.server.api;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A health check that runs on its own schedule, so that {@code /health} answers at once whatever the checked part
 * does: the answer is the last check's, and a check still running after {@code patience} counts as failed — a
 * database that does not answer within a second is down for a ringing phone, however long the pool would wait.
 * Each change is logged once: "down", "back".
 */
public final class BackgroundCheck implements BooleanSupplier, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BackgroundCheck.class);

    private final String name;
    private final BooleanSupplier probe;
    private final Duration interval;
    private final long patienceNanos;
    private final ScheduledExecutorService thread;
    private volatile boolean lastResult = true;
    /** {@link System#nanoTime()} when the running check began; 0 between checks. */
    private volatile long runningSince;
    private boolean reportedDown;

    /**
     * @param probe    the check; may block (it runs on a thread of its own)
     * @param interval the pause between the end of one check and the start of the next
     * @param patience how long a check may run before the part counts as down
     */
    public BackgroundCheck(String name, BooleanSupplier probe, Duration interval, Duration patience) {
        this.name = Objects.requireNonNull(name, "name");
        this.probe = Objects.requireNonNull(probe, "probe");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.patienceNanos = patience.toNanos();
        this.thread = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name(name + "-check").daemon(true).factory());
    }

    public BackgroundCheck start() {
        thread.scheduleWithFixedDelay(this::check, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Whether the part is up, as of the last check; never waits. */
    @Override
    public boolean getAsBoolean() {
        long since = runningSince;
        if (since != 0 && System.nanoTime() - since > patienceNanos) {
            return false;
        }
        return lastResult;
    }

    private void check() {
        runningSince = System.nanoTime();
        boolean up;
        try {
            up = probe.getAsBoolean();
        } catch (RuntimeException e) {
            up = false;
        }
        boolean late = System.nanoTime() - runningSince > patienceNanos;
        runningSince = 0;
        lastResult = up;
        if ((!up || late) && !reportedDown) {
            reportedDown = true;
            log.warn("The {} is down{}", name, up ? " (its check took longer than " + patienceNanos / 1_000_000
                    + " ms)" : "");
        } else if (up && !late && reportedDown) {
            reportedDown = false;
            log.info("The {} is back", name);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
