package dev.zvonok.server.callbacks;

import dev.zvonok.model.ws.ServerMessage;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the assignments whose number was reached (by the operator's call back, or by anybody's answered call from or to
 * it) and tells each operator, so that the number leaves their app's list at once. The recorder writes calls on its
 * own thread: this looks at its count of written events every {@code every} and asks the database only when it moved.
 */
public final class ReachedCallbacks implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReachedCallbacks.class);

    private final CallbackAssignments assignments;
    private final LongSupplier written;
    private final UserMessages messages;
    private final ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("reached-callbacks").daemon(true).factory());
    private long lastSeen = -1;

    /** @param written a count that grows as calls are written, e.g. the recorder's written events */
    public ReachedCallbacks(CallbackAssignments assignments, LongSupplier written, UserMessages messages) {
        this.assignments = Objects.requireNonNull(assignments, "assignments");
        this.written = Objects.requireNonNull(written, "written");
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    public ReachedCallbacks start(Duration every) {
        watch.scheduleWithFixedDelay(this::checkIfWritten, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void checkIfWritten() {
        long now = written.getAsLong();
        if (now == lastSeen) {
            return;
        }
        try {
            check();
            lastSeen = now;
        } catch (RuntimeException e) {
            log.warn("Cannot end the assignments of numbers reached: {}", e.toString()); // again at the next look
        }
    }

    /** Ends every assignment whose number was reached and tells its operator. @return how many ended */
    public int check() {
        var ended = assignments.endReached();
        ended.forEach(a -> messages.send(a.userId(), new ServerMessage.CallbackWithdrawn(a.callId(), a.number())));
        return ended.size();
    }

    @Override
    public void close() {
        watch.shutdownNow();
    }
}
