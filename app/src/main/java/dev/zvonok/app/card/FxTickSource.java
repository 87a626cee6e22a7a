package dev.zvonok.app.card;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ticks from a timer thread of its own, handed to the FX thread. Not a {@code Timeline}: a running animation keeps
 * JavaFX pulsing sixty times a second for as long as a card is open, a timer only wakes when it should. A tick that
 * has not run yet is not queued twice, so a busy FX thread is never flooded.
 */
public final class FxTickSource implements TickSource, AutoCloseable {

    private final Duration period;
    private final Executor fxThread;
    private final AtomicBoolean queued = new AtomicBoolean();
    private ScheduledExecutorService timer;
    private ScheduledFuture<?> running;

    /**
     * @param period   how often; a quarter of a second keeps a mm:ss timer within a quarter second of the truth
     * @param fxThread the hop to the FX thread ({@code new FxThread()})
     */
    public FxTickSource(Duration period, Executor fxThread) {
        this.period = period;
        this.fxThread = fxThread;
    }

    @Override
    public synchronized void start(Runnable onTick) {
        if (running != null) {
            return;
        }
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("card-ticks").daemon(true).factory());
        }
        long millis = period.toMillis();
        running = timer.scheduleAtFixedRate(() -> {
            if (queued.compareAndSet(false, true)) {
                fxThread.execute(() -> {
                    queued.set(false);
                    onTick.run();
                });
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (running != null) {
            running.cancel(false);
            running = null;
        }
    }

    @Override
    public synchronized void close() {
        stop();
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
