package dev.zvonok.app.notes;

import java.time.Duration;
import java.util.Objects;

/**
 * Timings of the notes outbox.
 *
 * @param debounce   a draft is sent once the operator paused typing this long (the newest draft wins)
 * @param maxDelay   ...but never later than this after the first unsent change, however fast they type
 * @param ackTimeout a save the server did not answer within this long (on a link that looks alive) is sent again
 * @param retryDelay after the server said it failed ({@code server-error}), try again after this long
 */
public record NotesOutboxSettings(Duration debounce, Duration maxDelay, Duration ackTimeout, Duration retryDelay) {

    public NotesOutboxSettings {
        Objects.requireNonNull(debounce, "debounce");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(ackTimeout, "ackTimeout");
        Objects.requireNonNull(retryDelay, "retryDelay");
        if (maxDelay.compareTo(debounce) < 0) {
            throw new IllegalArgumentException("maxDelay " + maxDelay + " is shorter than debounce " + debounce);
        }
    }

    /** 600 ms pause, at most 3 s late, 15 s for an answer, 2 s after a server failure. */
    public static NotesOutboxSettings defaults() {
        return new NotesOutboxSettings(Duration.ofMillis(600), Duration.ofSeconds(3), Duration.ofSeconds(15),
                Duration.ofSeconds(2));
    }

    public NotesOutboxSettings withDebounce(Duration newDebounce, Duration newMaxDelay) {
        return new NotesOutboxSettings(newDebounce, newMaxDelay, ackTimeout, retryDelay);
    }
}
