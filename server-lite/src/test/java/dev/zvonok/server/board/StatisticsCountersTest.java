package dev.zvonok.server.board;

import static dev.zvonok.server.db.schema.Tables.CALLS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.model.directory.Role;
import dev.zvonok.model.stats.StatisticsState;
import dev.zvonok.server.auth.MutableClock;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.stats.BusinessDays;
import dev.zvonok.server.stats.InboundStatistics;
import dev.zvonok.server.stats.StatsSettings;
import dev.zvonok.server.stats.TodaysFigures;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * While the statistics are recomputed the board's counters never ask the database (the question would wait for the
 * whole recompute on the board's thread): none before any were counted, the last ones after — and the board is told
 * when the recompute is done.
 */
class StatisticsCountersTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private static final Instant NOON = Instant.parse("2026-12-04T09:00:00Z"); // 12:00 in Moscow

    private final MutableClock clock = new MutableClock(NOON);
    private final AtomicLong written = new AtomicLong();
    private final AtomicReference<Instant> recomputingSince = new AtomicReference<>(NOON);
    private final BoardScope everything = BoardScope.of(1, Role.ADMIN, List.of());

    @Test
    void noneBeforeTheRecomputeTheLastOnesDuringTheNextAndTheBoardIsToldWhenItIsDone() throws Exception {
        StatsSettings settings = StatsSettings.standard(ZoneId.of("Europe/Moscow"));
        TodaysFigures today = new TodaysFigures(new InboundStatistics(db.dsl(), settings),
                new BusinessDays(settings), clock, written::get, Duration.ofSeconds(1), Duration.ofSeconds(30));
        call("a", NOON.minusSeconds(60));
        try (StatisticsCounters counters = new StatisticsCounters(today, written::get,
                () -> Optional.ofNullable(recomputingSince.get()))) {
            assertThat(counters.total(everything, Set.of(), NOON)).as("unknown, not zeros").isNull();
            assertThat(counters.ofQueue("sales", NOON)).isNull();
            assertThat(counters.statistics()).isEqualTo(StatisticsState.RECOMPUTING);

            CountDownLatch told = new CountDownLatch(1);
            counters.onChange(told::countDown);
            counters.start(Duration.ofMillis(20));
            recomputingSince.set(null);
            assertThat(told.await(10, TimeUnit.SECONDS)).as("the board is told").isTrue();
            assertThat(counters.total(everything, Set.of(), NOON).total()).isEqualTo(1);
            assertThat(counters.statistics()).isEqualTo(StatisticsState.READY);

            CountDownLatch toldAgain = new CountDownLatch(1);
            counters.onChange(toldAgain::countDown);
            recomputingSince.set(NOON); // a later recompute: the board is told it began, with nothing written
            assertThat(toldAgain.await(10, TimeUnit.SECONDS)).as("the board is told it began").isTrue();
            assertThat(counters.statistics()).isEqualTo(StatisticsState.RECOMPUTING);
            call("b", NOON.minusSeconds(30)); // a call written meanwhile
            written.incrementAndGet();
            clock.advance(Duration.ofMinutes(1));
            assertThat(counters.total(everything, Set.of(), NOON).total()).as("the last ones counted").isEqualTo(1);
        }
    }

    private void call(String id, Instant start) {
        db.dsl().insertInto(CALLS, CALLS.LINKEDID, CALLS.DIRECTION, CALLS.DISPOSITION, CALLS.STARTED_AT)
                .values(id, "inbound", "missed", OffsetDateTime.ofInstant(start, ZoneOffset.UTC)).execute();
    }
}
