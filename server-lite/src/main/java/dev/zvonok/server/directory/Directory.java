package dev.zvonok.server.directory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Who is who, on the hot path: which operator a phone belongs to, and who is calling.
 *
 * <p>Answers are cached by the number exactly as asked (so a warm lookup does not even normalize it), including
 * "nobody" (a number nobody knows is asked about on every one of its calls). Every directory change empties the
 * cache: the repositories report their own writes, {@link DirectoryChangeNotifications} reports other processes'.
 * A lookup that raced with a change is not trusted afterwards: each entry remembers the change count it was loaded
 * under and is reloaded once that count moved on, because a load running while the cache is emptied may store what
 * it read before the change.
 */
public final class Directory implements DirectoryChangeListener {

    public static final int DEFAULT_MAX_ENTRIES = 100_000;
    /** A backstop only: changes arrive as notifications; this bounds the damage of one that was missed. */
    public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofMinutes(15);

    private record Entry<T>(long generation, T value) {
    }

    private final DirectoryLookups lookups;
    private final PhoneNumbers numbers;
    private final AtomicLong generation = new AtomicLong();
    private final Cache<String, Entry<CallerIdentity>> identities;
    private final Cache<String, Entry<Optional<User>>> operators;

    public Directory(DirectoryLookups lookups, PhoneNumbers numbers) {
        this(lookups, numbers, DEFAULT_MAX_ENTRIES, DEFAULT_TIME_TO_LIVE);
    }

    public Directory(DirectoryLookups lookups, PhoneNumbers numbers, int maxEntries, Duration timeToLive) {
        this.lookups = Objects.requireNonNull(lookups, "lookups");
        this.numbers = Objects.requireNonNull(numbers, "numbers");
        this.identities = cache(maxEntries, timeToLive);
        this.operators = cache(maxEntries, timeToLive);
    }

    private static <T> Cache<String, Entry<T>> cache(int maxEntries, Duration timeToLive) {
        return Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(timeToLive).build();
    }

    /**
     * Who is calling from {@code number}, in any format: a colleague (user_phones), else a dealer and its company,
     * else a company, else unknown. A withheld number (null, blank, no digits) is unknown.
     *
     * @throws org.jooq.exception.DataAccessException on a cache miss while the database is unreachable
     */
    public CallerIdentity identify(String number) {
        if (number == null) {
            return CallerIdentity.unknown(null);
        }
        return cached(identities, number, raw -> {
            String normalized = numbers.normalize(raw);
            return normalized == null ? CallerIdentity.unknown(null) : lookups.identify(normalized);
        });
    }

    /**
     * The cached answer of {@link #identify}, if there is a current one; never touches the database. For a thread
     * that must not wait, with {@link #identifyAsync} to fill the cache.
     */
    public Optional<CallerIdentity> identifyIfCached(String number) {
        if (number == null) {
            return Optional.of(CallerIdentity.unknown(null));
        }
        Entry<CallerIdentity> entry = identities.getIfPresent(number);
        return entry != null && entry.generation() == generation.get() ? Optional.of(entry.value()) : Optional.empty();
    }

    /**
     * {@link #identify} without blocking the calling thread on a cache miss: a cached answer comes back completed,
     * a miss is looked up on {@code executor}.
     */
    public CompletableFuture<CallerIdentity> identifyAsync(String number, Executor executor) {
        Optional<CallerIdentity> cached = identifyIfCached(number);
        return cached.map(CompletableFuture::completedFuture)
                .orElseGet(() -> CompletableFuture.supplyAsync(() -> identify(number), executor));
    }

    /**
     * The user whose phone has this extension or number (any format).
     *
     * @throws org.jooq.exception.DataAccessException on a cache miss while the database is unreachable
     */
    public Optional<User> operatorFor(String extensionOrNumber) {
        if (extensionOrNumber == null) {
            return Optional.empty();
        }
        return cached(operators, extensionOrNumber, raw -> {
            String normalized = numbers.normalize(raw);
            return normalized == null ? Optional.empty() : lookups.userByPhone(normalized);
        });
    }

    private <T> T cached(Cache<String, Entry<T>> cache, String key, Function<String, T> load) {
        long current = generation.get();
        Entry<T> entry = cache.get(key, k -> new Entry<>(current, load.apply(k)));
        if (entry.generation() != current) {
            entry = new Entry<>(current, load.apply(key));
            cache.put(key, entry);
        }
        return entry.value();
    }

    /** Forgets everything cached; the next lookups go to the database. */
    @Override
    public void directoryChanged() {
        generation.incrementAndGet();
        identities.invalidateAll();
        operators.invalidateAll();
    }

    /** How many times the directory was reported changed, for tests and metrics. */
    public long changesSeen() {
        return generation.get();
    }

    public PhoneNumbers numbers() {
        return numbers;
    }
}
