package dev.zvonok.server.ami;

import dev.zvonok.server.pipeline.OrderedStage;
import dev.zvonok.server.tracking.PbxEvent;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
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
 * internal queue of 20,000 is full (see shared/design/asterisk-java-notes.md). So the listener here only submits to an
 * {@link OrderedStage} and returns; the stage's thread maps each event and feeds the tracker, in arrival order. The
 * stage never drops (a dropped Hangup would leave a call open forever); memory is watched through {@link #depth()}
 * and {@link #maxDepth()}.
 */
public final class AmiEventPump implements ManagerEventListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AmiEventPump.class);

    /** How long {@link #close()} lets the tracker catch up with the events already received. */
    private static final Duration CLOSE_PATIENCE = Duration.ofSeconds(5);

    private final ManagerEventMapper mapper;
    private final Consumer<PbxEvent> tracking;
    private final OrderedStage<ManagerEvent> stage;

    private final LongAdder tracked = new LongAdder();
    private final LongAdder ignored = new LongAdder();
    private final LongAdder unusable = new LongAdder();

    public AmiEventPump(ManagerEventMapper mapper, Consumer<PbxEvent> tracking) {
        this.mapper = mapper;
        this.tracking = tracking;
        this.stage = OrderedStage.<ManagerEvent>oneByOne("ami-tracking", CLOSE_PATIENCE, this::track).start();
    }

    /** Called on asterisk-java's event thread: submit and return at once. */
    @Override
    public void onManagerEvent(ManagerEvent event) {
        stage.submit(event);
    }

    /**
     * Completes once every event received before this call has been tracked: the way to know that the tracker has
     * caught up (end of a replay, shutdown).
     */
    public CompletableFuture<Void> flush() {
        return stage.flush();
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

    public long received() {
        return stage.submitted();
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

    /** Events the tracker threw on: a bug, logged; the events after it are tracked as usual. */
    public long failed() {
        return stage.failed();
    }

    /** Events received and not tracked yet: waiting, or being tracked. */
    public long depth() {
        return stage.depth();
    }

    public long maxDepth() {
        return stage.maxDepth();
    }

    /** Stops after the events already received have been tracked (waiting {@link #CLOSE_PATIENCE} at most). */
    @Override
    public void close() {
        stage.close();
    }
}
