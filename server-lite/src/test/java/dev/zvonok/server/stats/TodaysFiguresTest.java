package dev.zvonok.server.stats;

import static dev.zvonok.server.db.schema.Tables.CALLS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.server.auth.MutableClock;
import dev.zvonok.server.db.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The board's counters come from the reports' code, and are computed again only when something can have changed. */
class TodaysFiguresTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private static final Instant NOON = Instant.parse("2026-12-04T09:00:00Z"); // 12:00 in Moscow

    private final MutableClock clock = new MutableClock(NOON);
    private final AtomicLong written = new AtomicLong();

    private TodaysFigures figures() {
        StatsSettings settings = StatsSettings.standard(ZoneId.of("Europe/Moscow"));
        return new TodaysFigures(new InboundStatistics(db.dsl(), settings), new BusinessDays(settings), clock,
                written::get, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    @Test
    void aWrittenCallShowsAtTheNextComputationAndNotBefore() {
        TodaysFigures today = figures();
        call("a", NOON.minusSeconds(60));
        assertThat(today.of(StatsScope.everything()).total().total()).isEqualTo(1);

        call("b", NOON.minusSeconds(30));
        assertThat(today.of(StatsScope.everything()).total().total()).as("nothing reported written").isEqualTo(1);

        assertThat(today.behind()).isFalse();
        written.incrementAndGet();
        assertThat(today.of(StatsScope.everything()).total().total()).as("within the minimum interval").isEqualTo(1);
        assertThat(today.behind()).as("the write is not in the figures yet").isTrue();

        clock.advance(Duration.ofSeconds(1));
        assertThat(today.of(StatsScope.everything()).total().total()).isEqualTo(2);
        assertThat(today.behind()).isFalse();
    }

    @Test
    void oldFiguresAreComputedAgainEvenWithoutWrites() {
        TodaysFigures today = figures();
        assertThat(today.of(StatsScope.everything()).total().total()).isZero();
        call("late", NOON);

        clock.advance(Duration.ofSeconds(30));

        assertThat(today.of(StatsScope.everything()).total().total()).isEqualTo(1);
    }

    @Test
    void atTheDaysBoundaryTheCountersStartAgain() {
        TodaysFigures today = figures();
        call("morning", NOON.minusSeconds(3600));
        assertThat(today.of(StatsScope.everything()).total().total()).isEqualTo(1);
        assertThat(today.dayStart()).isEqualTo(Instant.parse("2026-12-03T21:00:00Z"));

        clock.advance(Duration.ofHours(12)); // 00:00 in Moscow

        assertThat(today.of(StatsScope.everything()).total().total()).isZero();
        assertThat(today.dayStart()).isEqualTo(Instant.parse("2026-12-04T21:00:00Z"));
    }

    private void call(String id, Instant start) {
        db.dsl().insertInto(CALLS, CALLS.LINKEDID, CALLS.DIRECTION, CALLS.DISPOSITION, CALLS.STARTED_AT)
                .values(id, "inbound", "missed", OffsetDateTime.ofInstant(start, ZoneOffset.UTC)).execute();
    }
}
