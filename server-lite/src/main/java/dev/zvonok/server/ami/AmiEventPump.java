package dev.zvonok.server.ami;

import dev.zvonok.server.tracking.PbxEvent;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.event.ManagerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one ordered hand-off between asterisk-java and our tracking.
 *
 * <p>asterisk-java calls its listeners one after the other on a single pump thread and <em>drops</em> events once its
 * internal queue of 20,000 is full (see shared/design/asterisk-java-notes.md). So the listener here only enqueues and
 * returns; a thread of ours maps each event and feeds the tracker, in arrival order. Our queue is unbounded on purpose:
 * dropping a Hangup would leave a call open forever, and memory is watched through {@link #depth()} and
 * {@link #maxDepth()}.
 */
public final class AmiEventPump implements ManagerEventListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AmiEventPump.class);

    private final ManagerEventMapper mapper;
    private final Consumer<PbxEvent> tracking;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Thread worker;
    private volatile boolean running = true;

    private final LongAdder received = new LongAdder();
    private final LongAdder tracked = new LongAdder();
    private final LongAdder ignored = new LongAdder();
    private final LongAdder unusable = new LongAdder();
    private final AtomicLong maxDepth = new AtomicLong();

    public AmiEventPump(ManagerEventMapper mapper, Consumer<PbxEvent> tracking) {
        this.mapper = mapper;
        this.tracking = tracking;
        this.worker = Thread.ofPlatform().name("ami-tracking").daemon(true).unstarted(this::drain);
        this.worker.start();
    }

    /** Called on asterisk-java's event thread: enqueue and return at once. */
    @Override
    public void onManagerEvent(ManagerEvent event) {
        received.increment();
        queue.add(event);
        long depth = queue.size();
        if (depth > maxDepth.get()) {
            maxDepth.accumulateAndGet(depth, Math::max);
        }
    }

    /**
     * Completes once every event enqueued before this call has been tracked: the way to know that the tracker has
     * caught up (end of a replay, shutdown).
     */
    public CompletableFuture<Void> flush() {
        FlushMarker marker = new FlushMarker(new CompletableFuture<>());
        queue.add(marker);
        return marker.done();
    }

    private void drain() {
        while (running || !queue.isEmpty()) {
            Object item;
            try {
                item = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (item instanceof ManagerEvent event) {
                track(event);
            } else if (item instanceof FlushMarker marker) {
                marker.done().complete(null);
            }
        }
    }

    private void track(ManagerEvent event) {
        PbxEvent mapped;
        try {
            mapped = mapper.map(event);
        } catch (ManagerEventMapper.UnusableEventException e) {
            unusable.increment();
            log.warn("Unusable {} from the PBX: {}", event.getClass().getSimpleName(), e.getMessage());
            return;
        } catch (RuntimeException e) {
            unusable.increment();
            log.warn("Cannot read {} from the PBX", event.getClass().getSimpleName(), e);
            return;
        }
        if (mapped == null) {
            ignored.increment();
            return;
        }
        tracking.accept(mapped);
        tracked.increment();
    }

    /** Queued behind the events that came before it; completed when the worker reaches it. */
    private record FlushMarker(CompletableFuture<Void> done) {
    }

    public long received() {
        return received.sum();
    }

    public long tracked() {
        return tracked.sum();
    }

    public long ignored() {
        return ignored.sum();
    }

    public long unusable() {
        return unusable.sum();
    }

    public int depth() {
        return queue.size();
    }

    public long maxDepth() {
        return maxDepth.get();
    }

    /** Stops after the events already queued have been tracked. */
    @Override
    public void close() {
        running = false;
        try {
            worker.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
