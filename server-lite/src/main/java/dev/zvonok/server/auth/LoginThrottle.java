package dev.zvonok.server.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Limits failed logins per login (against guessing one user's password) and per client address (against one client
 * trying many users). Every attempt takes a token from both buckets before the password is checked, so a burst of
 * parallel guesses cannot slip past the count; a successful login gives its tokens back and clears its login's count.
 *
 * <p>Buckets live in bounded caches and are dropped after a quiet window, by which time they would be full again
 * anyway: memory stays bounded however many logins and addresses an attacker makes up.
 */
final class LoginThrottle {

    private static final int MAX_TRACKED = 100_000;
    /** Logins are at most 64 characters; longer keys would only cost memory. */
    private static final int MAX_KEY_LENGTH = 64;

    private final Cache<String, Bucket> perLogin;
    private final Cache<String, Bucket> perAddress;
    private final int maxPerLogin;
    private final int maxPerAddress;
    private final Duration window;

    LoginThrottle(int maxFailuresPerLogin, int maxFailuresPerAddress, Duration window) {
        this.maxPerLogin = maxFailuresPerLogin;
        this.maxPerAddress = maxFailuresPerAddress;
        this.window = window;
        this.perLogin = Caffeine.newBuilder().expireAfterAccess(window).maximumSize(MAX_TRACKED).build();
        this.perAddress = Caffeine.newBuilder().expireAfterAccess(window).maximumSize(MAX_TRACKED).build();
    }

    /**
     * Reserves one attempt for this login from this address.
     *
     * @return empty when the attempt may go ahead; otherwise how long to wait before the next one
     */
    Optional<Duration> tryAttempt(String login, String address) {
        Bucket addressBucket = bucket(perAddress, address, maxPerAddress);
        ConsumptionProbe byAddress = addressBucket.tryConsumeAndReturnRemaining(1);
        if (!byAddress.isConsumed()) {
            return Optional.of(wait(byAddress));
        }
        ConsumptionProbe byLogin = bucket(perLogin, loginKey(login), maxPerLogin).tryConsumeAndReturnRemaining(1);
        if (!byLogin.isConsumed()) {
            // refused without looking at the password: not a failure this address should be charged for
            addressBucket.addTokens(1);
            return Optional.of(wait(byLogin));
        }
        return Optional.empty();
    }

    /** The attempt was right: it was no failure, and the login's earlier failures are forgiven. */
    void succeeded(String login, String address) {
        Bucket addressBucket = perAddress.getIfPresent(address);
        if (addressBucket != null) {
            addressBucket.addTokens(1);
        }
        perLogin.invalidate(loginKey(login));
    }

    private Bucket bucket(Cache<String, Bucket> buckets, String key, int capacity) {
        // refilled gradually: after a lock-out, one more attempt comes back every window/capacity
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, window))
                .build());
    }

    private static Duration wait(ConsumptionProbe probe) {
        return Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    /** The same login however it is typed, as {@code UserRepository} finds it. */
    private static String loginKey(String login) {
        String key = login.strip().toLowerCase(Locale.ROOT);
        return key.length() > MAX_KEY_LENGTH ? key.substring(0, MAX_KEY_LENGTH) : key;
    }
}
