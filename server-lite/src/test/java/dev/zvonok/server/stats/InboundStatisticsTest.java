package dev.zvonok.server.stats;

import static dev.zvonok.server.db.schema.Tables.CALLS;
import static dev.zvonok.server.db.schema.Tables.CALL_OFFERS;
import static dev.zvonok.server.db.schema.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.zvonok.model.stats.InboundCounters;
import dev.zvonok.server.db.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every definition of the inbound figures, checked against a day of calls whose figures are worked out by hand in the
 * comments. The day is 2026-12-04 in Moscow (UTC+3, no daylight saving time).
 */
class InboundStatisticsTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final Instant TEN = Instant.parse("2026-12-04T07:00:00Z"); // 10:00 in Moscow
    private static final Instant NOW = Instant.parse("2026-12-04T15:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 4);

    private static long anna;
    private static long boris;
    private static long vera;

    private final StatsSettings settings = StatsSettings.standard(MOSCOW);
    private final InboundStatistics statistics = new InboundStatistics(db.dsl(), settings);
    private final Period day = new BusinessDays(settings).days(DAY, DAY);

    @BeforeAll
    static void aDayOfCalls() {
        anna = user("anna");
        boris = user("boris");
        vera = user("vera");
        // c1: sales, answered by Anna after 10 s, talked 60 s, card finished after 30 s of wrap-up
        long c1 = call("c1", "inbound", "sales", "answered", TEN, 10, 70);
        offer(c1, "777", anna, TEN, 10, 70, "answered", 30_000L);
        // c2: sales, answered by Boris after 30 s, talked 100 s, wrap-up an hour long: counted as the 30 min cap
        long c2 = call("c2", "inbound", "sales", "answered", TEN.plusSeconds(600), 30, 130);
        offer(c2, "888", boris, TEN.plusSeconds(600), 30, 130, "answered", 3_600_000L);
        // c3: sales, the caller gave up after 3 s: a short abandon, not held against the service level
        call("c3", "inbound", "sales", "abandoned", TEN.plusSeconds(1200), null, 3);
        // c4: support, the caller gave up after 40 s in the queue, no phone rang
        call("c4", "inbound", "support", "abandoned", TEN.plusSeconds(1800), null, 40);
        // c5: no queue, rang Anna 25 s, nobody answered
        long c5 = call("c5", "inbound", null, "missed", TEN.plusSeconds(2400), null, 25);
        offer(c5, "777", anna, TEN.plusSeconds(2400), null, 25, "missed", null);
        // c6: support, every phone busy
        call("c6", "inbound", "support", "busy", TEN.plusSeconds(3000), null, 1);
        // c7: outbound, not an inbound figure
        long c7 = call("c7", "outbound", null, "answered", TEN.plusSeconds(3600), 5, 50);
        offer(c7, "777", anna, TEN.plusSeconds(3600), 5, 50, "answered", 10_000L);
        // c8: 23:59:59 the day before, not today; c9: 00:00:00, today's first call, answered by Boris after 5 s,
        // talked 60 s, his card still open 15 hours later: past the cap, so 30 min of wrap-up
        Instant midnight = Instant.parse("2026-12-03T21:00:00Z");
        call("c8", "inbound", null, "missed", midnight.minusSeconds(1), null, 20);
        long c9 = call("c9", "inbound", null, "answered", midnight, 5, 65);
        offer(c9, "888", boris, midnight, 5, 65, "answered", null);
        // c10: Vera's own call, in a queue nobody else serves
        long c10 = call("c10", "inbound", "vip", "answered", TEN.plusSeconds(4200), 2, 12);
        offer(c10, "999", vera, TEN.plusSeconds(4200), 2, 12, "answered", 0L);
    }

    @Test
    void theWholeDay() {
        InboundCounters total = statistics.inbound(day, StatsScope.everything(), NOW).total();

        // c1 c2 c3 c4 c5 c6 c9 c10; not the outbound c7, not c8 of the day before
        assertThat(total.total()).isEqualTo(8);
        assertThat(total.answered()).isEqualTo(4);      // c1 c2 c9 c10
        assertThat(total.missed()).isEqualTo(1);        // c5
        assertThat(total.abandoned()).isEqualTo(2);     // c3 c4
        assertThat(total.busy()).isEqualTo(1);          // c6
        assertThat(total.failed()).isZero();
        assertThat(total.acceptanceRate()).isCloseTo(4 / 8.0, within(1e-9));
        assertThat(total.abandonRate()).isCloseTo(2 / 8.0, within(1e-9));
        assertThat(total.asaSeconds()).isCloseTo((10 + 30 + 5 + 2) / 4.0, within(1e-9));
        // answered within 20 s: c1 c9 c10; held against: 8 calls less the short abandon c3
        assertThat(total.serviceLevel()).isCloseTo(3 / 7.0, within(1e-9));
        assertThat(total.serviceLevelThresholdSeconds()).isEqualTo(20);
        assertThat(total.longestWaitSeconds()).isEqualTo(40);     // c4 gave up after 40 s
        // c1 60+30, c2 100+1800 (capped), c9 60+1800 (open past the cap), c10 10+0
        assertThat(total.ahtSeconds()).isCloseTo((90 + 1900 + 1860 + 10) / 4.0, within(1e-9));
    }

    @Test
    void eachQueue() {
        InboundFigures figures = statistics.inbound(day, StatsScope.everything(), NOW);

        InboundCounters sales = figures.queue("sales");
        assertThat(sales.total()).isEqualTo(3);
        assertThat(sales.answered()).isEqualTo(2);
        assertThat(sales.abandoned()).isEqualTo(1);
        assertThat(sales.asaSeconds()).isCloseTo(20.0, within(1e-9));
        assertThat(sales.serviceLevel()).isCloseTo(1 / 2.0, within(1e-9));   // c1 of c1 c2 (c3 was short)
        assertThat(sales.longestWaitSeconds()).isEqualTo(30);
        assertThat(sales.ahtSeconds()).isCloseTo((90 + 1900) / 2.0, within(1e-9));

        InboundCounters support = figures.queue("support");
        assertThat(support.total()).isEqualTo(2);
        assertThat(support.answered()).isZero();
        assertThat(support.asaSeconds()).as("nobody answered").isNull();
        assertThat(support.ahtSeconds()).isNull();
        assertThat(support.serviceLevel()).isEqualTo(0.0);
        assertThat(figures.byQueue()).as("calls of no queue count in the total only")
                .containsOnlyKeys("sales", "support", "vip");
        assertThat(figures.queue("nobody's").total()).isZero();
    }

    @Test
    void anOpenCardCountsOnlyOnceItsWrapUpIsKnown() {
        Instant soonAfter = Instant.parse("2026-12-03T21:01:05Z").plus(Duration.ofMinutes(10));

        InboundCounters total = statistics.inbound(day, StatsScope.everything(), soonAfter).total();

        // c9's card has been open 10 minutes: its wrap-up is not known yet, so its part is left out
        assertThat(total.ahtSeconds()).isCloseTo((90 + 1900 + 10) / 3.0, within(1e-9));
    }

    @Test
    void aSupervisorCountsTheCallsOfTheirOperatorsAndOfTheQueuesTheyServe() {
        InboundCounters annas = statistics.inbound(day, StatsScope.of(Set.of(anna), Set.of()), NOW).total();
        // rang Anna: c1 c5; the queue she served, sales: c2 c3 as well
        assertThat(annas.total()).isEqualTo(4);
        assertThat(annas.answered()).isEqualTo(2);
        assertThat(annas.missed()).isEqualTo(1);

        InboundCounters support = statistics.inbound(day, StatsScope.of(Set.of(), Set.of("support")), NOW).total();
        assertThat(support.total()).as("a named queue, even when no phone rang").isEqualTo(2);

        InboundFigures nobody = statistics.inbound(day, StatsScope.of(Set.of(), Set.of()), NOW);
        assertThat(nobody.total().total()).isZero();
        assertThat(nobody.byQueue()).isEmpty();
    }

    @Test
    void aDayWithoutCallsHasNoRates() {
        Period empty = new BusinessDays(settings).days(DAY.plusDays(1), DAY.plusDays(1));

        InboundCounters none = statistics.inbound(empty, StatsScope.everything(), NOW).total();

        assertThat(none).isEqualTo(InboundCounters.none(20));
    }

    @Test
    void aTwentyFourHourCentreClosesItsDayAtItsBoundary() {
        StatsSettings sixAm = new StatsSettings(MOSCOW, java.time.LocalTime.of(6, 0), 20, 5, Duration.ofMinutes(30));
        Period dec3 = new BusinessDays(sixAm).days(DAY.minusDays(1), DAY.minusDays(1));

        InboundCounters total = new InboundStatistics(db.dsl(), sixAm).inbound(dec3, StatsScope.everything(), NOW)
                .total();

        // 3 Dec 06:00 to 4 Dec 06:00: c8 (23:59:59) and c9 (00:00:00) are both of the 3rd
        assertThat(total.total()).isEqualTo(2);
    }

    private static long user(String login) {
        return db.dsl().insertInto(USERS, USERS.LOGIN, USERS.DISPLAY_NAME, USERS.PASSWORD_HASH, USERS.ROLE)
                .values(login, login, "-", "operator").returning(USERS.ID).fetchOne(USERS.ID);
    }

    private static long call(String id, String direction, String queue, String disposition, Instant start,
                             Integer answeredAfter, int endedAfter) {
        return db.dsl().insertInto(CALLS, CALLS.LINKEDID, CALLS.DIRECTION, CALLS.QUEUE, CALLS.DISPOSITION,
                        CALLS.STARTED_AT, CALLS.ANSWERED_AT, CALLS.ENDED_AT)
                .values(id, direction, queue, disposition, utc(start),
                        answeredAfter == null ? null : utc(start.plusSeconds(answeredAfter)),
                        utc(start.plusSeconds(endedAfter)))
                .returning(CALLS.ID).fetchOne(CALLS.ID);
    }

    private static void offer(long call, String extension, long user, Instant ring, Integer answeredAfter,
                              int endedAfter, String result, Long wrapUpMs) {
        Instant end = ring.plusSeconds(endedAfter);
        db.dsl().insertInto(CALL_OFFERS, CALL_OFFERS.CALL_ID, CALL_OFFERS.EXTENSION, CALL_OFFERS.USER_ID,
                        CALL_OFFERS.RING_AT, CALL_OFFERS.ANSWER_AT, CALL_OFFERS.END_AT, CALL_OFFERS.TALK_MS,
                        CALL_OFFERS.RESULT, CALL_OFFERS.FINISHED_AT, CALL_OFFERS.WRAP_UP_MS)
                .values(call, extension, user, utc(ring),
                        answeredAfter == null ? null : utc(ring.plusSeconds(answeredAfter)), utc(end),
                        answeredAfter == null ? null : (endedAfter - answeredAfter) * 1000L, result,
                        wrapUpMs == null ? null : utc(end.plusMillis(wrapUpMs)), wrapUpMs)
                .execute();
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
