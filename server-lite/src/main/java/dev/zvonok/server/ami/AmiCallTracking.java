package dev.zvonok.server.ami;

import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.tracking.CallEventListener;
import dev.zvonok.server.tracking.CallTracker;
import dev.zvonok.server.tracking.OperatorEndpoints;
import dev.zvonok.server.tracking.TrackingStats;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Follows every call of one PBX: the AMI connection, the ordered hand-off and the tracker, wired together.
 *
 * <p>Call events reach the listener on the tracking thread; a listener that does I/O must queue it.
 */
public final class AmiCallTracking implements AutoCloseable {

    private final CallTracker tracker;
    private final AmiEventPump pump;
    private final AmiConnection connection;

    public AmiCallTracking(AmiSettings settings, PhoneNumbers numbers, OperatorEndpoints endpoints, EventClock clock,
                           CallEventListener listener) {
        this.tracker = new CallTracker(numbers, endpoints, listener);
        this.pump = new AmiEventPump(new ManagerEventMapper(clock), tracker::accept);
        this.connection = new AmiConnection(settings, pump);
    }

    public AmiCallTracking start() {
        connection.start();
        return this;
    }

    public AmiConnection connection() {
        return connection;
    }

    public AmiEventPump pump() {
        return pump;
    }

    public TrackingStats stats() {
        return tracker.stats();
    }

    /** Completes when every event received so far has been tracked. */
    public CompletableFuture<Void> caughtUp() {
        return pump.flush();
    }

    /**
     * Asks the PBX for its channel list and waits until the tracker has reconciled with it: after this, every call
     * the PBX no longer has is ended.
     *
     * @throws java.io.IOException when the connection is lost before the list is in (it will not come then)
     */
    public void resyncAndWait(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!connection.awaitConnected(timeout)) {
            throw new java.util.concurrent.TimeoutException("not connected to the PBX within " + timeout);
        }
        CompletableFuture<String> lost = connection.nextLoss();
        String listId = connection.requestResync();
        while (!tracker.stats().hasReconciled(listId)) {
            if (lost.isDone()) {
                throw new java.io.IOException("lost the PBX before its channel list came: " + lost.join());
            }
            if (System.nanoTime() > deadline) {
                throw new java.util.concurrent.TimeoutException("no channel list from the PBX within " + timeout);
            }
            Thread.sleep(5);
        }
        caughtUp().get();
    }

    @Override
    public void close() {
        connection.close();
        pump.close();
    }
}
