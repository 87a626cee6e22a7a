package dev.zvonok.app.stats;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The server answered 503 {@code statistics-recomputing}: it is recomputing its statistics after a change of their
 * settings (or an upgrade). No failure: calls are recorded meanwhile, and the figures come back in a few minutes —
 * the screens say so in words and ask again by themselves ({@link RetryLater}).
 */
public final class StatisticsRecomputing extends Exception {

    /** Asked again after this long when the server did not say ({@code Retry-After}). */
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);
    /** Never sooner: a recompute takes minutes, and the screens need not hammer a busy server. */
    private static final Duration SHORTEST_WAIT = Duration.ofSeconds(5);
    /** Never later: a few minutes are what the message promises. */
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(2);

    private final Duration retryAfter;

    /** @param retryAfter what {@code Retry-After} said; null when nothing */
    public StatisticsRecomputing(String message, Duration retryAfter) {
        super(message, null, false, false);
        this.retryAfter = retryAfter;
    }

    /** When to ask again: the server's {@code Retry-After}, within a few seconds and a few minutes. */
    public Duration retryAfter() {
        Duration wait = Objects.requireNonNullElse(retryAfter, DEFAULT_WAIT);
        return wait.compareTo(SHORTEST_WAIT) < 0 ? SHORTEST_WAIT
                : wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    /** The recompute behind a failed answer, if that is what it was. */
    public static Optional<StatisticsRecomputing> in(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof StatisticsRecomputing recomputing ? Optional.of(recomputing) : Optional.empty();
    }
}
