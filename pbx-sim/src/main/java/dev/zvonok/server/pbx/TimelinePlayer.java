package dev.zvonok.server.pbx;

import dev.zvonok.server.amiwire.AmiMessage;
import dev.zvonok.server.amiwire.TimedMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Plays timelines into a sink (usually {@link AmiEndpoint#publish}) on one thread, at a {@link PlaybackSpeed}.
 *
 * <p>All scheduled timelines share one queue ordered by due time, so a timeline scheduled while another plays is
 * merged into it in time order; messages due at the same moment keep the order they were scheduled in. A delay is
 * wall-clock time from the moment of scheduling (or of the trigger); the offsets inside a timeline are recorded
 * time and are divided by the speed factor.
 */
public final class TimelinePlayer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TimelinePlayer.class);

    private record Due(long dueNanos, long sequence, AmiMessage message, Playback playback) {
    }

    private final Consumer<AmiMessage> sink;
    private final PlaybackSpeed speed;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final PriorityQueue<Due> queue = new PriorityQueue<>(
            Comparator.comparingLong(Due::dueNanos).thenComparingLong(Due::sequence));
    private final List<Playback> pending = new ArrayList<>();
    private final Thread thread;
    private long nextSequence;
    private boolean closed;

    public TimelinePlayer(Consumer<AmiMessage> sink, PlaybackSpeed speed) {
        this.sink = sink;
        this.speed = speed;
        this.thread = Thread.ofPlatform().daemon().name("ami-timeline-player").start(this::run);
    }

    public PlaybackSpeed speed() {
        return speed;
    }

    /** Plays the timeline starting {@code delay} from now. */
    public Playback schedule(List<TimedMessage> timeline, Duration delay) {
        Playback playback = new Playback(timeline.size());
        enqueue(timeline, delay, playback);
        return playback;
    }

    /**
     * Plays the timeline starting {@code delay} after the trigger completes, e.g. the endpoint's first login. If the
     * trigger fails, so does the playback.
     */
    public Playback scheduleAfter(CompletionStage<?> trigger, List<TimedMessage> timeline, Duration delay) {
        Playback playback = new Playback(timeline.size());
        List<TimedMessage> copy = List.copyOf(timeline);
        trigger.whenComplete((ignored, failure) -> {
            if (failure != null) {
                playback.cancel("trigger failed: " + failure);
            } else {
                enqueue(copy, delay, playback);
            }
        });
        return playback;
    }

    /** Stops playing; what was not yet published is dropped and its playbacks are cancelled. */
    @Override
    public void close() {
        List<Playback> cancelled;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            queue.clear();
            cancelled = List.copyOf(pending);
            pending.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        cancelled.forEach(playback -> playback.cancel("player closed"));
        try {
            thread.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void enqueue(List<TimedMessage> timeline, Duration delay, Playback playback) {
        lock.lock();
        try {
            if (closed) {
                playback.cancel("player closed");
                return;
            }
            long start = System.nanoTime() + Math.max(0, delay.toNanos());
            if (timeline.isEmpty()) {
                queue.add(new Due(start, nextSequence++, null, playback));
            }
            for (TimedMessage timed : timeline) {
                queue.add(new Due(start + speed.scaledNanos(timed.atMillis()), nextSequence++, timed.message(),
                        playback));
            }
            pending.add(playback);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        lock.lock();
        try {
            while (!closed) {
                Due next = queue.peek();
                if (next == null) {
                    changed.await();
                    continue;
                }
                long wait = next.dueNanos() - System.nanoTime();
                if (wait > 0) {
                    changed.awaitNanos(wait);
                    continue;
                }
                queue.poll();
                // Publish outside the lock: the sink may be slow, and scheduling must not wait for it.
                lock.unlock();
                try {
                    deliver(next);
                } finally {
                    lock.lock();
                }
                if (next.playback().isDone()) {
                    pending.remove(next.playback());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    private void deliver(Due due) {
        if (due.message() != null) {
            try {
                sink.accept(due.message());
            } catch (RuntimeException e) {
                // One bad message must not stop the timelines of everybody else.
                log.error("Publishing {} failed; playback goes on", due.message(), e);
            }
        }
        due.playback().entryDone(due.message() != null);
    }
}
