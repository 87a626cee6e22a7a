package dev.zvonok.app.live;

import dev.zvonok.model.ws.ServerMessage;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live connection's one delivery thread: states and messages reach every listener in the order they happened,
 * and a slow or failing listener cannot stall or break the connection itself (only later deliveries).
 */
final class ListenerDelivery {

    private static final Logger log = LoggerFactory.getLogger(ListenerDelivery.class);

    private final List<LiveListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService thread;
    private volatile Thread deliveryThread;

    ListenerDelivery(String threadName) {
        ThreadFactory named = Thread.ofPlatform().name(threadName).daemon().factory();
        this.thread = Executors.newSingleThreadExecutor(task -> {
            Thread created = named.newThread(task);
            deliveryThread = created;
            return created;
        });
    }

    void add(LiveListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    void remove(LiveListener listener) {
        listeners.remove(listener);
    }

    void state(ConnectionState state) {
        deliver(listener -> listener.stateChanged(state), state);
    }

    void message(ServerMessage message) {
        deliver(listener -> listener.received(message), message);
    }

    private void deliver(Consumer<LiveListener> event, Object what) {
        try {
            thread.execute(() -> {
                for (LiveListener listener : listeners) {
                    try {
                        event.accept(listener);
                    } catch (RuntimeException e) {
                        log.error("A live listener failed on {}", what.getClass().getSimpleName(), e);
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("Not delivered after close: {}", what);
        }
    }

    /** Delivers what is queued, then stops; waits for that unless called from a listener. */
    void close() {
        thread.shutdown();
        if (Thread.currentThread() != deliveryThread) {
            try {
                if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                    log.warn("Live listeners did not finish within 5 s of closing");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
