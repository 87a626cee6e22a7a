package dev.zvonok.server.pipeline;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread of our own that handles items in the order they were submitted: every stage of the call pipeline
 * (asterisk-java to the tracker, the tracker to the WebSocket clients, the tracker to the database) is one of these.
 *
 * <ul>
 *   <li>{@link #submit} never blocks and never drops: whoever submits (asterisk-java's event thread, the tracking
 *       thread) must never wait for us, and a dropped Hangup leaves a call open forever. So the queue is unbounded,
 *       and watched instead through {@link #depth()} and {@link #maxDepth()}.</li>
 *   <li>{@link #flush()} says when everything submitted so far has been handled.</li>
 *   <li>A handler that throws costs only its item (or batch): counted in {@link #failed()}, logged, and the thread
 *       goes on with the next.</li>
 *   <li>{@link #close(Duration)} refuses new items, lets the thread finish what was submitted for a while, then gives
 *       up on the rest: the thread is interrupted so that a handler waiting to retry stops.</li>
 * </ul>
 *
 * <p>Why not a single-thread {@code ExecutorService}: it cannot hand a handler the items waiting as one batch (the
 * recorder writes a transaction per batch), a flush would be a task sitting in the queue among the items (and in the
 * depth), and a throwing task is either swallowed by its Future or replaces the worker thread.
 *
 * @param <T> the items, handled in submission order
 */
public final class OrderedStage<T> implements AutoCloseable {

    /** Handles one item on the stage's thread. */
    @FunctionalInterface
    public interface ItemHandler<T> {
        void handle(T item) throws Exception;
    }

    /**
     * Handles, as one, the items that were waiting (in order, at least one, at most the stage's batch size) on the
     * stage's thread. The list is the handler's to keep but cannot be changed.
     */
    @FunctionalInterface
    public interface BatchHandler<T> {
        void handle(List<T> batch) throws Exception;
    }

    private static final Logger log = LoggerFactory.getLogger(OrderedStage.class);

    /** Items a one-by-one stage takes off the queue at once: one lock round trip per chunk, not per item. */
    private static final int CHUNK = 256;
    /** How long {@link #close(Duration)} lets an interrupted handler take to return before leaving the thread be. */
    private static final Duration GIVE_UP_GRACE = Duration.ofSeconds(5);
    /** A queue that grew beyond this many items is replaced once empty: an {@link ArrayDeque} never shrinks. */
    private static final int SHRINK_AFTER = 4_096;

    private final String name;
    private final int maxBatch;
    private final ItemHandler<T> itemHandler;
    private final BatchHandler<T> batchHandler;
    private final Duration closePatience;
    private final Thread thread;

    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when the first item arrives in an empty queue, and on close. */
    private final Condition workOrClose = lock.newCondition();
    private ArrayDeque<T> waiting = new ArrayDeque<>();
    private int waitingPeak;
    /** Pending flushes, in the order of their targets (taken under the lock from an only growing count). */
    private final ArrayDeque<Flush> flushes = new ArrayDeque<>();
    private boolean started;
    private boolean closing;
    private boolean stopped;

    /** Written under the lock, read by anyone. */
    private volatile long submitted;
    private volatile long maxDepth;
    /** Written by the stage's thread only. */
    private volatile long handled;
    private volatile long failed;
    /** Set once {@link #close(Duration)} ran out of patience. */
    private volatile boolean givingUp;

    private OrderedStage(String name, int maxBatch, ItemHandler<T> itemHandler, BatchHandler<T> batchHandler,
                         Duration closePatience) {
        this.name = Objects.requireNonNull(name, "name");
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be positive");
        }
        this.maxBatch = maxBatch;
        this.itemHandler = itemHandler;
        this.batchHandler = batchHandler;
        this.closePatience = Objects.requireNonNull(closePatience, "closePatience");
        this.thread = Thread.ofPlatform().name(name).daemon(true).unstarted(this::run);
    }

    /**
     * A stage that hands its items to {@code handler} one at a time; not started yet.
     *
     * @param name          the thread's name, also in the log
     * @param closePatience how long {@link #close()} waits for the items already submitted
     */
    public static <T> OrderedStage<T> oneByOne(String name, Duration closePatience, ItemHandler<T> handler) {
        return new OrderedStage<>(name, CHUNK, Objects.requireNonNull(handler, "handler"), null, closePatience);
    }

    /**
     * A stage that hands {@code handler} all the items waiting, up to {@code maxBatch} at a time; not started yet. A
     * quiet stage hands them over one by one, a busy one in fewer, larger batches.
     */
    public static <T> OrderedStage<T> inBatches(String name, int maxBatch, Duration closePatience,
                                                BatchHandler<T> handler) {
        return new OrderedStage<>(name, maxBatch, null, Objects.requireNonNull(handler, "handler"), closePatience);
    }

    /** Starts the thread; items submitted before are handled first. */
    public OrderedStage<T> start() {
        lock.lock();
        try {
            if (started || closing) {
                throw new IllegalStateException(name + " was already " + (closing ? "closed" : "started"));
            }
            started = true;
            thread.start(); // under the lock, so that a close() cannot come between and find no thread yet
        } finally {
            lock.unlock();
        }
        return this;
    }

    /**
     * Queues {@code item} behind those submitted before it and returns at once.
     *
     * @return false, and the item will not be handled, when the stage is closed
     */
    public boolean submit(T item) {
        Objects.requireNonNull(item, "item");
        lock.lock();
        try {
            if (closing) {
                return false;
            }
            waiting.add(item);
            long count = submitted + 1;
            submitted = count;
            long depth = count - handled;
            if (depth > maxDepth) {
                maxDepth = depth;
            }
            waitingPeak = Math.max(waitingPeak, waiting.size());
            if (waiting.size() == 1) {
                workOrClose.signal(); // the thread waits only on an empty queue
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Completes once every item submitted before this call has been handled (successfully or not); at once when there
     * is none. If the stage stops first, leaving some of them unhandled, it completes with a
     * {@link CancellationException}. Actions added to it without {@code *Async} run on the stage's thread.
     */
    public CompletableFuture<Void> flush() {
        lock.lock();
        try {
            long target = submitted;
            if (handled >= target) {
                return CompletableFuture.completedFuture(null);
            }
            if (stopped) {
                return CompletableFuture.failedFuture(notHandled(target - handled));
            }
            CompletableFuture<Void> done = new CompletableFuture<>();
            flushes.add(new Flush(target, done));
            return done;
        } finally {
            lock.unlock();
        }
    }

    /**
     * True once {@link #close(Duration)} has run out of patience: a handler waiting to retry something should stop and
     * let its {@link InterruptedException} out (the thread is interrupted too, but a library may swallow that).
     */
    public boolean isGivingUp() {
        return givingUp;
    }

    public String name() {
        return name;
    }

    /** Items submitted so far. */
    public long submitted() {
        return submitted;
    }

    /** Items the handler is done with, failed ones included. */
    public long handled() {
        return handled;
    }

    /** Items whose handler threw (all of a batch whose handler threw). */
    public long failed() {
        return failed;
    }

    /** Items submitted and not handled yet: waiting, or being handled. */
    public long depth() {
        return Math.max(0, submitted - handled);
    }

    /** The greatest {@link #depth()} there has been. */
    public long maxDepth() {
        return maxDepth;
    }

    // ---------------------------------------------------------------------------------------------------- thread

    private void run() {
        try {
            List<T> next;
            while ((next = take()) != null) {
                if (itemHandler != null) {
                    handleOneByOne(next);
                } else {
                    handleBatch(next);
                }
                completeFlushes();
            }
        } catch (Error e) {
            log.error("{} stopped: {}", name, e.toString(), e);
        } finally {
            stop();
        }
    }

    /** Waits for items and takes up to a batch of them; null when it is time to stop. */
    private List<T> take() {
        lock.lock();
        try {
            while (waiting.isEmpty() && !closing) {
                try {
                    workOrClose.await();
                } catch (InterruptedException e) {
                    // only close() means something by it, and it sets closing (and givingUp) first
                }
            }
            if (givingUp || waiting.isEmpty()) {
                return null;
            }
            List<T> next = new ArrayList<>(Math.min(maxBatch, waiting.size()));
            while (next.size() < maxBatch && !waiting.isEmpty()) {
                next.add(waiting.poll());
            }
            if (waiting.isEmpty() && waitingPeak > SHRINK_AFTER) {
                waiting = new ArrayDeque<>();
                waitingPeak = 0;
            }
            return next;
        } finally {
            lock.unlock();
        }
    }

    private void handleOneByOne(List<T> items) {
        for (T item : items) {
            if (givingUp) {
                return;
            }
            try {
                itemHandler.handle(item);
            } catch (InterruptedException e) {
                if (givingUp) {
                    return; // this item is not handled: close() counts it as left over
                }
                failure("handling " + item, 1, e);
            } catch (Exception e) {
                failure("handling " + item, 1, e);
            }
            handled = handled + 1;
            Thread.interrupted(); // a stray interrupt must not fail the next item; close()'s is seen in givingUp
        }
    }

    private void handleBatch(List<T> batch) {
        try {
            batchHandler.handle(Collections.unmodifiableList(batch));
        } catch (InterruptedException e) {
            if (givingUp) {
                return;
            }
            failure("handling a batch of " + batch.size(), batch.size(), e);
        } catch (Exception e) {
            failure("handling a batch of " + batch.size(), batch.size(), e);
        }
        handled = handled + batch.size();
        Thread.interrupted();
    }

    private void failure(String what, int items, Exception e) {
        failed = failed + items;
        log.error("{}: {} failed; going on with the next", name, what, e);
    }

    /** Completes the flushes whose items have all been handled; outside the lock, since their actions run here. */
    private void completeFlushes() {
        List<CompletableFuture<Void>> done = new ArrayList<>();
        lock.lock();
        try {
            while (!flushes.isEmpty() && flushes.peek().target() <= handled) {
                done.add(flushes.poll().done());
            }
        } finally {
            lock.unlock();
        }
        done.forEach(flush -> flush.complete(null));
    }

    /** The thread's last act (or close()'s, when it never started): no more items, the flushes answered. */
    private void stop() {
        completeFlushes();
        List<Flush> unanswered;
        long left;
        lock.lock();
        try {
            closing = true;
            stopped = true;
            left = submitted - handled;
            waiting = new ArrayDeque<>();
            unanswered = new ArrayList<>(flushes);
            flushes.clear();
        } finally {
            lock.unlock();
        }
        for (Flush flush : unanswered) {
            flush.done().completeExceptionally(notHandled(left));
        }
        if (left > 0 && !givingUp) { // close() said so already when it gave up
            log.warn("{} stopped with {} items not handled", name, left);
        }
    }

    private CancellationException notHandled(long items) {
        return new CancellationException(name + " stopped with " + items + " items not handled");
    }

    // ---------------------------------------------------------------------------------------------------- close

    /** {@link #close(Duration)} with the patience the stage was made with. */
    @Override
    public void close() {
        close(closePatience);
    }

    /**
     * Refuses new items and lets the thread handle those already submitted for up to {@code patience}; then gives up
     * on the rest (see {@link #isGivingUp()}) and stops the thread. Wakes an idle thread at once. Called again, or on
     * a stage never started, it only reports.
     *
     * @return true when every item submitted was handled
     */
    public boolean close(Duration patience) {
        boolean neverStarted;
        lock.lock();
        try {
            closing = true;
            neverStarted = !started;
            workOrClose.signalAll();
        } finally {
            lock.unlock();
        }
        if (neverStarted) {
            stop();
        } else if (Thread.currentThread() != thread) { // a handler closing its own stage cannot wait for itself
            awaitStopped(patience);
        }
        return submitted == handled;
    }

    private void awaitStopped(Duration patience) {
        boolean interrupted = false;
        try {
            thread.join(patience);
        } catch (InterruptedException e) {
            interrupted = true; // no more patience
        }
        if (thread.isAlive()) {
            log.warn("{}: {} items still not handled after {}; giving up on them", name, depth(), patience);
            givingUp = true;
            thread.interrupt();
            try {
                if (!interrupted) {
                    thread.join(GIVE_UP_GRACE);
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
            if (thread.isAlive()) {
                log.error("{}: its thread did not stop when asked to; leaving it be", name);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Done when the stage has handled {@code target} items. */
    private record Flush(long target, CompletableFuture<Void> done) {
    }
}
