package dev.zvonok.app.live;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How long to wait before the next reconnect: doubling from {@code initial} up to {@code max}, each wait drawn at
 * random between half and all of it ("equal jitter"), so that a hundred operators' apps do not all knock on a
 * restarted server in the same instant. Confined to the live connection's control thread.
 */
final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final RandomGenerator random;
    private Duration ceiling;

    Backoff(Duration initial, Duration max, RandomGenerator random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max, got " + initial + " and " + max);
        }
        this.initial = initial;
        this.max = max;
        this.random = Objects.requireNonNull(random, "random");
        this.ceiling = initial;
    }

    /** The next wait; the one after it is up to twice as long. */
    Duration next() {
        long ceilingMillis = ceiling.toMillis();
        long half = ceilingMillis / 2;
        Duration wait = Duration.ofMillis(half + random.nextLong(ceilingMillis - half + 1));
        Duration doubled = ceiling.multipliedBy(2);
        ceiling = doubled.compareTo(max) > 0 ? max : doubled;
        return wait;
    }

    /** Connected again: the next loss starts from {@code initial}. */
    void reset() {
        ceiling = initial;
    }
}
