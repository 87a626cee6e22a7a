package dev.zvonok.server.queues.ami;

import dev.zvonok.server.queues.*;
import dev.zvonok.server.ami.AmiConnection;
import dev.zvonok.server.ami.EventClock;
import dev.zvonok.server.pipeline.OrderedStage;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue tracker fed from the live AMI connection: its listener only hands asterisk-java's events to an ordered
 * stage of its own (the library drops events behind a slow listener, see shared/design/asterisk-java-notes.md), whose
 * thread maps them and applies them to the {@link QueueTracker}; after every (re)connect it asks the PBX for
 * {@code QueueStatus}, whose answer rebuilds the tracker in stream order. The account needs {@code read = agent} for
 * the queue events; {@code QueueStatus} needs no write permission.
 */
public final class AmiQueueTracking implements ManagerEventListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AmiQueueTracking.class);

    /** The prefix of our QueueStatus ActionIDs. */
    static final String LIST_PREFIX = "zvonok-queues-";

    private final AmiConnection connection;
    private final QueueTracker tracker;
    private final QueueEventMapper mapper;
    private final OrderedStage<ManagerEvent> stage;
    private final AtomicLong lists = new AtomicLong();
    private final LongAdder applied = new LongAdder();

    public AmiQueueTracking(AmiConnection connection, QueueTracker tracker, EventClock clock) {
        this.connection = connection;
        this.tracker = tracker;
        this.mapper = new QueueEventMapper(clock);
        this.stage = OrderedStage.<ManagerEvent>oneByOne("ami-queues", Duration.ofSeconds(5), this::apply);
    }

    /** Listens on the connection (every connection it makes) and asks for QueueStatus after every login. */
    public AmiQueueTracking start() {
        stage.start();
        connection.addEventListener(this);
        connection.whenConnected(() -> Thread.ofVirtual().name("ami-queue-status").start(this::requestQuietly));
        return this;
    }

    public QueueTracker tracker() {
        return tracker;
    }

    /** Called on asterisk-java's event thread: submit and return. */
    @Override
    public void onManagerEvent(ManagerEvent event) {
        stage.submit(event);
    }

    /**
     * Asks the PBX for {@code QueueStatus}; its items rebuild the tracker when they arrive. Returns the list's
     * ActionID (the tracker's {@link QueueTracker#lastRebuild()} once applied).
     *
     * @throws IOException when not connected, or the PBX refuses
     */
    public String requestStatus() throws IOException {
        QueueStatusAction action = new QueueStatusAction();
        String listId = LIST_PREFIX + lists.incrementAndGet();
        action.setActionId(listId);
        ManagerResponse response = connection.send(action);
        if (response instanceof ManagerError error) {
            throw new IOException("the PBX refused QueueStatus: " + error.getMessage());
        }
        return listId;
    }

    /** Completes once every event received before this call has been applied. */
    public CompletableFuture<Void> caughtUp() {
        return stage.flush();
    }

    /** Queue events applied so far. */
    public long applied() {
        return applied.sum();
    }

    private void requestQuietly() {
        try {
            log.debug("Rebuilding the queues from {}", requestStatus());
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot ask the PBX for its queues: {}", e.getMessage());
        }
    }

    private void apply(ManagerEvent event) {
        QueueEvent mapped = mapper.map(event);
        if (mapped != null) {
            tracker.accept(mapped);
            applied.increment();
        }
    }

    @Override
    public void close() {
        stage.close();
    }
}
