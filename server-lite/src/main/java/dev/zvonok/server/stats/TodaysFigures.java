package dev.zvonok.server.stats;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Today's inbound figures for the live board, per scope, from {@link InboundStatistics} — the same code as the
 * reports, so the two never disagree — without a query per frame: a scope's figures are computed again only when
 * calls were written since (at most once per {@code minInterval}), when the day turned, or when they are older than
 * {@code maxAge} (open cards pass the wrap-up cap with time alone).
 */
public final class TodaysFigures {

    private final InboundStatistics statistics;
    private final BusinessDays days;
    private final Clock clock;
    private final LongSupplier changes;
    private final Duration minInterval;
    private final Duration maxAge;
    private final Map<StatsScope, Computed> cache = new ConcurrentHashMap<>();

    /**
     * @param changes a count that grows whenever calls or cards are written (e.g. the recorder's written events):
     *                figures computed at the same count are still right
     */
    public TodaysFigures(InboundStatistics statistics, BusinessDays days, Clock clock, LongSupplier changes,
                         Duration minInterval, Duration maxAge) {
        this.statistics = Objects.requireNonNull(statistics, "statistics");
        this.days = Objects.requireNonNull(days, "days");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.changes = Objects.requireNonNull(changes, "changes");
        this.minInterval = Objects.requireNonNull(minInterval, "minInterval");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
    }

    /** Today's figures of {@code scope}. */
    public InboundFigures of(StatsScope scope) {
        Instant now = clock.instant();
        LocalDate today = days.dayOf(now);
        long count = changes.getAsLong();
        Computed last = cache.get(scope);
        if (last != null && last.stillRight(today, count, now, minInterval, maxAge)) {
            return last.figures();
        }
        // two callers may compute at once: both get right figures, and the later one stays
        Computed fresh = new Computed(today, count, now, statistics.inbound(days.around(now), scope, now));
        cache.put(scope, fresh);
        return fresh.figures();
    }

    /**
     * The figures of {@code scope} computed last, whenever that was, without asking the database: what the board
     * keeps showing while the statistics are recomputed. Empty when none were computed yet.
     */
    public Optional<InboundFigures> last(StatsScope scope) {
        return Optional.ofNullable(cache.get(scope)).map(Computed::figures);
    }

    /**
     * True while some scope's figures were computed before the latest write: asked again after the minimum interval,
     * they will change. The board keeps asking until then, so that the last call of a quiet minute shows too.
     */
    public boolean behind() {
        long now = changes.getAsLong();
        return cache.values().stream().anyMatch(computed -> computed.changes() != now);
    }

    /** Where today began: the counters' {@code dayStart}. */
    public Instant dayStart() {
        return days.start(days.dayOf(clock.instant()));
    }

    /** Forgets scopes nobody asked for lately, e.g. after supervisors' teams changed. */
    public void forget(StatsScope scope) {
        cache.remove(scope);
    }

    private record Computed(LocalDate day, long changes, Instant at, InboundFigures figures) {

        boolean stillRight(LocalDate today, long count, Instant now, Duration minInterval, Duration maxAge) {
            if (!day.equals(today)) {
                return false;
            }
            Duration age = Duration.between(at, now);
            if (age.compareTo(maxAge) >= 0) {
                return false;
            }
            return count == changes || age.compareTo(minInterval) < 0;
        }
    }
}
