package dev.zvonok.server.pbx;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/** One timeline handed to a {@link TimelinePlayer}: how far it got, and a future that completes after its last message. */
public final class Playback {

    private final int size;
    private final AtomicInteger published = new AtomicInteger();
    private final AtomicInteger outstanding;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();

    Playback(int size) {
        this.size = size;
        // An empty timeline still has one marker entry, so it completes at its start time like any other.
        this.outstanding = new AtomicInteger(Math.max(size, 1));
    }

    /** Completes once every message has been published; fails with CancellationException if the player closed first. */
    public CompletableFuture<Void> finished() {
        return finished.copy();
    }

    /** Waits for the last message; false on timeout. */
    public boolean await(Duration timeout) throws InterruptedException {
        try {
            finished.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException | CancellationException e) {
            return true; // it ended, only not by playing to the end; finished() tells how
        }
    }

    public boolean isDone() {
        return finished.isDone();
    }

    /** Messages in the timeline. */
    public int size() {
        return size;
    }

    /** Messages published so far. */
    public int published() {
        return published.get();
    }

    void entryDone(boolean wasMessage) {
        if (wasMessage) {
            published.incrementAndGet();
        }
        if (outstanding.decrementAndGet() == 0) {
            finished.complete(null);
        }
    }

    void cancel(String why) {
        finished.completeExceptionally(new CancellationException(why));
    }

    @Override
    public String toString() {
        return "Playback[" + published() + "/" + size + (isDone() ? ", done]" : "]");
    }
}
