package dev.zvonok.server.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Slows password guessing down without locking anybody out. Failures are counted per login and address (against
 * guessing one user's password) and per address (against one client trying many users); past the free ones
 * ({@link LoginLimits}), every failure of a count makes its next attempt wait longer. A login is never counted on
 * its own: guesses at Ivanov's password from one PC slow down that PC, and Ivanov logs in from his own as always.
 *
 * <p>An attempt is reserved before its password is checked and reported afterwards ({@link #succeeded},
 * {@link #failed}, or {@link #abandoned} when it could not be checked), so a burst of parallel guesses cannot slip
 * past the count: beyond the free failures a count lets one attempt through at a time. A success forgives its
 * login's failures from that address, not the address's others.
 *
 * <p>Counts live in bounded caches and are dropped once forgotten: memory stays bounded however many logins and
 * addresses an attacker makes up. Attempts are few and each costs a BCrypt check, so one lock for all is plenty.
 */
final class LoginThrottle {

    private static final int MAX_TRACKED = 100_000;
    /** Logins are at most 64 characters; longer keys would only cost memory. */
    private static final int MAX_KEY_LENGTH = 64;

    private final LoginLimits limits;
    private final Clock clock;
    private final Cache<String, Count> perLoginAndAddress;
    private final Cache<String, Count> perAddress;

    LoginThrottle(LoginLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        // kept as long as they can matter: through the longest wait, and then until forgotten
        Duration keep = limits.maxDelay().plus(limits.forgetAfter());
        this.perLoginAndAddress = Caffeine.newBuilder().expireAfterAccess(keep).maximumSize(MAX_TRACKED).build();
        this.perAddress = Caffeine.newBuilder().expireAfterAccess(keep).maximumSize(MAX_TRACKED).build();
    }

    /**
     * Reserves one attempt for this login from this address; report its outcome with {@link #succeeded},
     * {@link #failed} or {@link #abandoned}.
     *
     * @return empty when the attempt may go ahead; otherwise how long to wait before the next one
     */
    synchronized Optional<Duration> tryAttempt(String login, String address) {
        Instant now = clock.instant();
        Count byAddress = count(perAddress, address, now);
        Count byLogin = count(perLoginAndAddress, pairKey(login, address), now);
        Duration wait = longer(byAddress.wait(now, limits.perAddress()),
                byLogin.wait(now, limits.perLoginAndAddress()));
        if (wait.isPositive()) {
            return Optional.of(wait);
        }
        byAddress.pending++;
        byLogin.pending++;
        return Optional.empty();
    }

    /** The password was right: no failure, and the login's failures from this address are forgiven. */
    synchronized void succeeded(String login, String address) {
        release(perAddress.getIfPresent(address));
        perLoginAndAddress.invalidate(pairKey(login, address));
    }

    /**
     * The attempt failed (wrong login or password, a disabled account).
     *
     * @return how long the next attempt of this login from this address must wait now; zero while failures are free
     */
    synchronized Duration failed(String login, String address) {
        Instant now = clock.instant();
        Duration byAddress = fail(perAddress, address, limits.perAddress(), now);
        Duration byLogin = fail(perLoginAndAddress, pairKey(login, address), limits.perLoginAndAddress(), now);
        return longer(byAddress, byLogin);
    }

    /** The password could not be checked (the database is away): the attempt counts for nothing. */
    synchronized void abandoned(String login, String address) {
        release(perAddress.getIfPresent(address));
        release(perLoginAndAddress.getIfPresent(pairKey(login, address)));
    }

    private Count count(Cache<String, Count> counts, String key, Instant now) {
        Count count = counts.get(key, k -> new Count(now));
        if (count.pending == 0 && count.failures > 0 && !now.isBefore(count.quietFrom.plus(limits.forgetAfter()))) {
            count.failures = 0;
        }
        return count;
    }

    private Duration fail(Cache<String, Count> counts, String key, int free, Instant now) {
        Count count = counts.get(key, k -> new Count(now));
        release(count);
        count.failures++;
        Duration delay = count.failures >= free ? limits.delayAfter(count.failures - free + 1) : Duration.ZERO;
        count.quietFrom = now.plus(delay);
        return delay;
    }

    private static void release(Count count) {
        if (count != null && count.pending > 0) {
            count.pending--;
        }
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String pairKey(String login, String address) {
        return loginKey(login) + " " + address;
    }

    /** The same login however it is typed, as {@code UserRepository} finds it. */
    private static String loginKey(String login) {
        String key = login.strip().toLowerCase(Locale.ROOT);
        return key.length() > MAX_KEY_LENGTH ? key.substring(0, MAX_KEY_LENGTH) : key;
    }

    /** One count of failures; guarded by the throttle's lock. */
    private final class Count {

        int failures;
        /** Attempts reserved and not reported yet. */
        int pending;
        /** When the wait of the last failure ends (the failure itself when it cost none). */
        Instant quietFrom;

        Count(Instant now) {
            this.quietFrom = now;
        }

        /** How long an attempt must wait now; zero when it may go. */
        Duration wait(Instant now, int free) {
            if (failures >= free && now.isBefore(quietFrom)) {
                return Duration.between(now, quietFrom);
            }
            if (pending > 0 && failures + pending >= free) {
                // the last free attempts are in flight: the next one must know how they went
                return limits.firstDelay();
            }
            return Duration.ZERO;
        }
    }
}
