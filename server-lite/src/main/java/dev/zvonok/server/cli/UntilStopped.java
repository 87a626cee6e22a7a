package dev.zvonok.server.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a long-running command alive until the JVM is asked to stop (Ctrl-C, SIGTERM), and keeps the JVM alive until
 * the command has closed its resources: a shutdown hook that returned at once would let the JVM halt mid-cleanup,
 * with calls still queued for the database.
 */
final class UntilStopped implements AutoCloseable {

    private static final long CLEANUP_SECONDS = 30;

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch cleanedUp = new CountDownLatch(1);

    private UntilStopped() {
    }

    /** Open it before the resources it guards, so that it closes after them. */
    static UntilStopped install() {
        UntilStopped guard = new UntilStopped();
        Runtime.getRuntime().addShutdownHook(new Thread(guard::stopAndWaitForCleanup, "server-lite-stop"));
        return guard;
    }

    /** Stopped by {@link #stop()} only, not by the JVM's shutdown: for running a command inside a test. */
    static UntilStopped manual() {
        return new UntilStopped();
    }

    /** Asks the command to stop, as Ctrl-C would; returns at once. */
    void stop() {
        stopRequested.countDown();
    }

    void await() throws InterruptedException {
        stopRequested.await();
    }

    private void stopAndWaitForCleanup() {
        stopRequested.countDown();
        try {
            cleanedUp.await(CLEANUP_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        cleanedUp.countDown();
    }
}
