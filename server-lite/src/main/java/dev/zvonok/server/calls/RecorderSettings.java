package dev.zvonok.server.calls;

import java.time.Duration;
import java.util.Objects;

/**
 * How the {@link CallRecorder} writes.
 *
 * @param maxBatch          events written in one transaction at most; a busy PBX is written in fewer, larger
 *                          transactions, a quiet one event by event
 * @param firstRetryDelay   wait after the first failed attempt; doubled after each further one
 * @param maxRetryDelay     the longest wait between attempts while the database is away
 * @param attemptsOnError   attempts for an event that fails with an error that is not about reaching the database
 *                          (a constraint, a bug): after that it is logged and skipped so that the events behind it
 *                          are not held up forever
 * @param closeTimeout      how long {@link CallRecorder#close()} waits for queued events to be written
 */
public record RecorderSettings(int maxBatch, Duration firstRetryDelay, Duration maxRetryDelay, int attemptsOnError,
                               Duration closeTimeout) {

    public RecorderSettings {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be positive");
        }
        if (attemptsOnError < 1) {
            throw new IllegalArgumentException("attemptsOnError must be positive");
        }
        Objects.requireNonNull(firstRetryDelay, "firstRetryDelay");
        Objects.requireNonNull(maxRetryDelay, "maxRetryDelay");
        Objects.requireNonNull(closeTimeout, "closeTimeout");
    }

    public static RecorderSettings defaults() {
        return new RecorderSettings(200, Duration.ofMillis(100), Duration.ofSeconds(5), 3, Duration.ofSeconds(10));
    }

    public RecorderSettings withRetryDelays(Duration first, Duration max) {
        return new RecorderSettings(maxBatch, first, max, attemptsOnError, closeTimeout);
    }

    /** The wait before attempt {@code attempt + 1}, counting failed attempts from 1. */
    Duration retryDelay(int failedAttempts) {
        long first = Math.max(1, firstRetryDelay.toMillis());
        int doublings = Math.min(Math.max(0, failedAttempts - 1), 20);
        return Duration.ofMillis(Math.min(maxRetryDelay.toMillis(), first << doublings));
    }
}
