package dev.zvonok.server.auth;

import java.time.Duration;
import java.util.Objects;

/**
 * How failed logins are slowed down ({@code zvonok.auth.login-limits}). Failures are counted per login <i>and</i>
 * address — never per login alone, or anybody could lock an operator out by guessing at their login — and per
 * address over all logins. Past its free failures, each further failure of a count makes the next attempt wait,
 * {@code firstDelay} doubling up to {@code maxDelay}.
 *
 * @param perLoginAndAddress failures of one login from one address that cost no wait
 * @param perAddress         failures from one address, whatever the logins, that cost no wait
 * @param firstDelay         the wait after the first failure past the free ones
 * @param maxDelay           the longest wait
 * @param forgetAfter        a count is forgotten once it has had no failure for this long after its last wait
 */
public record LoginLimits(int perLoginAndAddress, int perAddress, Duration firstDelay, Duration maxDelay,
                          Duration forgetAfter) {

    public LoginLimits {
        if (perLoginAndAddress < 1 || perAddress < 1) {
            throw new IllegalArgumentException("failed logins tolerated must be at least 1");
        }
        requirePositive(firstDelay, "firstDelay");
        requirePositive(maxDelay, "maxDelay");
        requirePositive(forgetAfter, "forgetAfter");
        if (maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("maxDelay must not be shorter than firstDelay");
        }
    }

    /** 5 free failures per login and address, 20 per address; then 1 s doubling to 15 min; forgotten after 15 min. */
    public static LoginLimits defaults() {
        return new LoginLimits(5, 20, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofMinutes(15));
    }

    /** The wait after the {@code beyond}th failure past the free ones (1 = the first). */
    Duration delayAfter(int beyond) {
        Duration delay = firstDelay;
        for (int i = 1; i < beyond && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
