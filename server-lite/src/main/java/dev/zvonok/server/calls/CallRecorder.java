package dev.zvonok.server.calls;

import dev.zvonok.server.db.DatabaseErrors;
import dev.zvonok.server.directory.Directory;
import dev.zvonok.server.pipeline.OrderedStage;
import dev.zvonok.server.tracking.CallEvent;
import dev.zvonok.server.tracking.CallEventListener;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records calls as they happen, from the tracker's events.
 *
 * <p>{@link #onCallEvent} only queues: it runs on the tracking thread, which must never wait for a database. One
 * writer thread of its own (an {@link OrderedStage}) takes the events in order and writes what is waiting in
 * transactions of up to {@link RecorderSettings#maxBatch()} events. When the database cannot be reached the writer
 * keeps the events and tries again, backing off up to {@link RecorderSettings#maxRetryDelay()}, for as long as it
 * takes; since every write is idempotent ({@link CallEventWriter}), a batch whose commit was lost can be written again without
 * duplicating anything. An event the database keeps refusing for another reason is logged and skipped after
 * {@link RecorderSettings#attemptsOnError()} attempts, so that one bad event does not hold up every call behind it;
 * a final record refused so is stored as far as it can be (its texts cut to the columns, else just the call's end and
 * outcome), so that the call never stays open in the history because of one value.
 *
 * <p>The queue is unbounded: while the database is away, memory holds the calls (a few hundred bytes per event; an
 * hour of a busy call centre is a few megabytes). Events still queued when {@link #close()} gives up are lost,
 * counted as failures and logged as such.
 */
public final class CallRecorder implements CallEventListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CallRecorder.class);

    /** A warning at each multiple of this many events waiting, so a long outage shows in the log as it grows. */
    private static final long BACKLOG_WARNING_STEP = 10_000;

    private final DSLContext dsl;
    private final CallEventWriter writer;
    private final RecorderSettings settings;
    /** {@link CallEvent}s and {@link Reconciliation}s, in the tracker's order. */
    private final OrderedStage<Object> stage;

    /** How many calls with a refused event are remembered, so that each is logged once. */
    private static final int TROUBLED_REMEMBERED = 1000;

    /** Calls an event of which the database refused; used on the writer thread only. */
    private final Map<String, Boolean> troubled = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > TROUBLED_REMEMBERED;
        }
    };

    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    public CallRecorder(DSLContext dsl, Directory directory) {
        this(dsl, directory, RecorderSettings.defaults());
    }

    public CallRecorder(DSLContext dsl, Directory directory, RecorderSettings settings) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.writer = new CallEventWriter(directory);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.stage = OrderedStage.inBatches("call-recorder", settings.maxBatch(), settings.closeTimeout(),
                this::writeBatch);
    }

    /** Starts the writer thread; events received before are kept and written then. */
    public CallRecorder start() {
        stage.start();
        return this;
    }

    /** Queues the event for writing. Never blocks. */
    @Override
    public void onCallEvent(CallEvent event) {
        enqueue(event);
    }

    /** Queues the closing of calls the database holds open but the PBX no longer has (ended while unwatched). */
    @Override
    public void onReconciled(Instant at, Set<String> callsInProgress) {
        enqueue(new Reconciliation(at, callsInProgress));
    }

    /** After a restart, or a long outage of the database, calls may stay open in it: the PBX says which are live. */
    record Reconciliation(Instant at, Set<String> callsInProgress) {
    }

    private void enqueue(Object event) {
        // counted before it is queued, so that the writer can never have written more than was counted
        long pending = queued.incrementAndGet() - written.get() - failures.get();
        if (!stage.submit(event)) {
            queued.decrementAndGet();
            log.warn("Call recorder is closed; not recording {}", event);
            return;
        }
        if (pending > 0 && pending % BACKLOG_WARNING_STEP == 0) {
            log.warn("{} call events are waiting to be written", pending);
        }
    }

    /**
     * Waits until every event received so far has been written (or given up on).
     *
     * @return false when the timeout passed first, e.g. because the database is still away
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        try {
            stage.flush().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (CancellationException e) {
            return true; // close() gave up on them: failures now
        } catch (ExecutionException e) {
            throw new IllegalStateException("a flush fails only by cancellation", e);
        }
    }

    public RecorderStats stats() {
        long w = written.get();
        long f = failures.get();
        long q = queued.get();
        return new RecorderStats(q, w, retries.get(), f, q - w - f);
    }

    private long pending() {
        return queued.get() - written.get() - failures.get();
    }

    /**
     * On the writer thread: one transaction for the batch, tried again while the database is away; an event it
     * refuses is found by writing the batch's events one by one. Returns once each is written or given up on.
     */
    private void writeBatch(List<Object> batch) throws InterruptedException {
        int failedAttempts = 0;
        while (true) {
            try {
                dsl.transaction(c -> {
                    for (Object event : batch) {
                        write(c.dsl(), event);
                    }
                });
                writer.committed();
                written.addAndGet(batch.size());
                if (failedAttempts > 0) {
                    log.info("Database reachable again; call recording resumed ({} events waiting)", pending());
                }
                return;
            } catch (RuntimeException e) {
                writer.rolledBack();
                if (!DatabaseErrors.isTransient(e)) {
                    // find the event at fault and keep the others
                    for (Object event : batch) {
                        writeAlone(event);
                    }
                    return;
                }
                failedAttempts++;
                retries.incrementAndGet();
                Duration delay = settings.retryDelay(failedAttempts);
                if (failedAttempts == 1) {
                    log.warn("Cannot write calls ({}); keeping {} events and retrying", rootMessage(e), pending());
                } else {
                    log.debug("Write attempt {} failed: {}; next in {}", failedAttempts, rootMessage(e), delay);
                }
                pause(delay);
            }
        }
    }

    /** Writes one event in its own transaction: retried while the database is away, skipped if it keeps failing. */
    private void writeAlone(Object event) throws InterruptedException {
        int errors = 0;
        int failedAttempts = 0;
        while (true) {
            try {
                dsl.transaction(c -> write(c.dsl(), event));
                writer.committed();
                written.incrementAndGet();
                return;
            } catch (RuntimeException e) {
                writer.rolledBack();
                failedAttempts++;
                if (!DatabaseErrors.isTransient(e) && ++errors >= settings.attemptsOnError()) {
                    failures.incrementAndGet();
                    giveUp(event, e);
                    return;
                }
                retries.incrementAndGet();
                pause(settings.retryDelay(failedAttempts));
            }
        }
    }

    /**
     * An event the database keeps refusing: skipped, said once per call in the log; a final record is stored as far
     * as it can be, so that no value the database refuses leaves a call open in the history forever.
     */
    private void giveUp(Object event, RuntimeException why) {
        String reason = rootMessage(why);
        if (!(event instanceof CallEvent.CallEnded ended)) {
            String call = event instanceof CallEvent e ? e.callId() : null;
            if (firstTrouble(call)) {
                log.warn("Cannot store {} ({}); skipped it, the call's final record will close the call", event
                        .getClass().getSimpleName() + (call == null ? "" : " of call " + call), reason);
            }
            log.debug("Gave up on {}", event, why);
            return;
        }
        log.debug("Gave up on the final record {}", event, why);
        boolean first = firstTrouble(ended.callId());
        if (store(tx -> writer.write(tx, CallEventWriter.fittedToColumns(ended)))) {
            if (first) {
                log.warn("Cannot store the final record of call {} as it is ({}); stored it with its texts cut to "
                        + "the columns", ended.callId(), reason);
            }
        } else if (store(tx -> writer.closeBare(tx, ended))) {
            if (first) {
                log.warn("Cannot store the final record of call {} ({}); stored only its end and outcome",
                        ended.callId(), reason);
            }
        } else {
            log.error("Cannot close call {} in the database ({}); it stays open until the PBX's next channel list",
                    ended.callId(), reason);
        }
    }

    /** One attempt in a transaction of its own; false when it failed (the writer forgets what it learned). */
    private boolean store(java.util.function.Consumer<DSLContext> work) {
        try {
            dsl.transaction(c -> work.accept(c.dsl()));
            writer.committed();
            return true;
        } catch (RuntimeException e) {
            writer.rolledBack();
            log.debug("A reduced write failed too", e);
            return false;
        }
    }

    /** True the first time a call has an event refused (of the last {@link #TROUBLED_REMEMBERED}): log it once. */
    private boolean firstTrouble(String callId) {
        if (callId == null) {
            return true;
        }
        return troubled.put(callId, Boolean.TRUE) == null;
    }

    private void write(DSLContext tx, Object item) {
        switch (item) {
            case CallEvent event -> writer.write(tx, event);
            case Reconciliation r -> writer.closeCallsNotIn(tx, r.callsInProgress(), r.at());
            default -> throw new IllegalStateException("not a call event: " + item);
        }
    }

    private void pause(Duration delay) throws InterruptedException {
        if (stage.isGivingUp()) { // the stage interrupts us too, but a driver may have swallowed that
            throw new InterruptedException("close() gave up waiting");
        }
        Thread.sleep(delay);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /**
     * Stops taking events, writes what is queued (waiting up to {@link RecorderSettings#closeTimeout()}, e.g. for the
     * database to come back) and stops the writer.
     */
    @Override
    public void close() {
        stage.close();
        long lost = pending(); // the writer has stopped: whatever it did not write or give up on, it never will
        if (lost > 0) {
            failures.addAndGet(lost);
            log.error("Call recorder stopped with {} events unwritten; those calls are incomplete in the database",
                    lost);
        }
    }
}
