package dev.zvonok.server.stats;

import static dev.zvonok.server.db.schema.Tables.CALLS;
import static dev.zvonok.server.db.schema.Tables.CALL_OFFERS;
import static dev.zvonok.server.db.schema.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.stats.InboundCounters;
import dev.zvonok.server.db.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The hourly rows answer exactly what the calls answer: random calls and offers (seeded, so a failure can be
 * replayed), then for many random periods, timelines, scopes and filters every figure read from the rows equals the
 * one counted from the calls — after the calls changed, and after the service level's settings changed too.
 */
class HourlyAggregatesPropertyTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final LocalDate FIRST = LocalDate.of(2026, 11, 2);
    private static final int DAYS = 6;
    private static final Instant NOW = FIRST.plusDays(DAYS - 1).atTime(12, 0).atZone(MOSCOW).toInstant();
    private static final String[] LINES = {"Реклама", "Сайт", null};
    private static final String[] DIALLED = {"+74950000001", "+74950000002"};
    private static final String[] QUEUES = {"sales", "support", null};
    private static final String[] DISPOSITIONS = {"answered", "answered", "answered", "missed", "abandoned", "busy",
            "failed", null};
    private static final String[] RESULTS = {"missed", "answered_elsewhere", "busy", "rejected", "abandoned"};
    private static final long SEED = 13;
    private static final int CASES = 100;

    private final Random random = new Random(SEED);
    private final List<Long> users = new ArrayList<>();

    @Test
    void theHourlyRowsAnswerWhatTheCallsAnswer() {
        for (String login : List.of("anna", "boris", "vera", "gleb", "dina")) {
            users.add(db.dsl().insertInto(USERS, USERS.LOGIN, USERS.DISPLAY_NAME, USERS.PASSWORD_HASH, USERS.ROLE)
                    .values(login, login, "-", "operator").returning(USERS.ID).fetchOne(USERS.ID));
        }
        StatsSettings standard = StatsSettings.standard(MOSCOW);
        HourlyAggregates hourly = new HourlyAggregates(db.dsl(), standard);
        hourly.adopt();
        for (int i = 0; i < 600; i++) {
            randomCall(db.dsl(), "c" + i);
        }
        assertThat(db.dsl().fetchCount(CALL_OFFERS, CALL_OFFERS.HOLD_MS.gt(0L))).as("parts on hold").isPositive();
        compare(standard, hourly, "random calls");

        // calls end, cards are closed, calls come: the triggers mark their hours, the next read recomputes them
        db.dsl().update(CALLS).set(CALLS.DISPOSITION, "answered")
                .set(CALLS.ANSWERED_AT, CALLS.STARTED_AT.plus(3))
                .where(CALLS.DISPOSITION.isNull(), CALLS.ID.mod(2L).eq(0L)).execute();
        db.dsl().update(CALL_OFFERS).set(CALL_OFFERS.FINISHED_AT, CALL_OFFERS.END_AT).set(CALL_OFFERS.WRAP_UP_MS, 7L)
                .where(CALL_OFFERS.FINISHED_AT.isNull(), CALL_OFFERS.ID.mod(3L).eq(0L)).execute();
        db.dsl().update(CALL_OFFERS).set(CALL_OFFERS.HOLD_MS, 4_001L)
                .where(CALL_OFFERS.ANSWER_AT.isNotNull(), CALL_OFFERS.ID.mod(5L).eq(0L)).execute();
        db.dsl().deleteFrom(CALLS).where(CALLS.ID.mod(17L).eq(0L)).execute();
        // a reach undone: answered calls marked missed after all, a number corrected
        db.dsl().update(CALLS).set(CALLS.DISPOSITION, "missed")
                .where(CALLS.DISPOSITION.eq("answered"), CALLS.ID.mod(11L).eq(0L)).execute();
        db.dsl().update(CALLS).set(CALLS.CALLER_NORMALIZED, "+79990001")
                .where(CALLS.ID.mod(13L).eq(0L)).execute();
        db.dsl().update(CALLS).set(CALLS.STARTED_AT, CALLS.STARTED_AT.plus(1))
                .where(CALLS.ID.mod(19L).eq(0L)).execute();
        for (int i = 600; i < 700; i++) {
            randomCall(db.dsl(), "c" + i);
        }
        compare(standard, hourly, "after changes");

        // another threshold, short-abandon time and cap: the rows of the old ones are recomputed
        StatsSettings strict = new StatsSettings(MOSCOW, LocalTime.MIDNIGHT, 10, 8, Duration.ofMinutes(2));
        HourlyAggregates strictHourly = new HourlyAggregates(db.dsl(), strict);
        assertThat(strictHourly.everyCall()).as("rows of other settings: the calls are counted instead").isEmpty();
        assertThat(strictHourly.adopt()).as("settings changed").isTrue();
        compare(strict, strictHourly, "other settings");
        assertThat(strictHourly.rebuild()).as("a rebuild recomputes every hour").isPositive();
        compare(strict, strictHourly, "rebuilt");

        // the rebuild's one statement per table over every call gives the rows a refresh gives hour by hour
        List<List<List<Object>>> rebuilt = statisticsRows();
        db.dsl().execute("insert into stats_hour_stale (hour) select distinct date_trunc('hour', started_at, 'UTC')"
                + " from calls");
        assertThat(strictHourly.refresh()).as("every hour refreshed").isPositive();
        assertThat(statisticsRows()).as("rows of a refresh of every hour")
                .usingRecursiveComparison(closeEnough()).isEqualTo(rebuilt);
    }

    @Test
    void aFilterCountsAnInboundCallItsOperatorPlacedThatRangAnotherOfTheScope() {
        List<Long> ids = new ArrayList<>();
        for (String login : List.of("placer", "rung")) {
            ids.add(db.dsl().insertInto(USERS, USERS.LOGIN, USERS.DISPLAY_NAME, USERS.PASSWORD_HASH, USERS.ROLE)
                    .values(login, login, "-", "operator").returning(USERS.ID).fetchOne(USERS.ID));
        }
        // from the placer's mobile, in no queue, to the other: the placer's row says "placed", not "rang"
        LocalDate day = FIRST.plusDays(30);
        Instant start = day.atTime(10, 0).atZone(MOSCOW).toInstant();
        long call = db.dsl().insertInto(CALLS)
                .set(CALLS.LINKEDID, "placed-inbound").set(CALLS.DIRECTION, "inbound")
                .set(CALLS.CALLER_NUMBER, "+79990009999").set(CALLS.CALLER_NORMALIZED, "+79990009999")
                .set(CALLS.CALLER_USER_ID, ids.get(0)).set(CALLS.DIALED_NUMBER, DIALLED[0])
                .set(CALLS.DIALED_NORMALIZED, DIALLED[0]).set(CALLS.DISPOSITION, "answered")
                .set(CALLS.STARTED_AT, utc(start)).set(CALLS.ANSWERED_AT, utc(start.plusSeconds(5)))
                .set(CALLS.ENDED_AT, utc(start.plusSeconds(60)))
                .returning(CALLS.ID).fetchOne(CALLS.ID);
        db.dsl().insertInto(CALL_OFFERS)
                .set(CALL_OFFERS.CALL_ID, call).set(CALL_OFFERS.EXTENSION, "201").set(CALL_OFFERS.USER_ID, ids.get(1))
                .set(CALL_OFFERS.RING_AT, utc(start)).set(CALL_OFFERS.ANSWER_AT, utc(start.plusSeconds(5)))
                .set(CALL_OFFERS.END_AT, utc(start.plusSeconds(60))).set(CALL_OFFERS.TALK_MS, 55_000L)
                .set(CALL_OFFERS.RESULT, "answered")
                .execute();
        StatsSettings settings = StatsSettings.standard(MOSCOW);
        HourlyAggregates hourly = new HourlyAggregates(db.dsl(), settings);
        hourly.adopt();
        Period period = new BusinessDays(settings).days(day, day);
        StatsScope placerOnly = StatsScope.of(Set.copyOf(ids), Set.of())
                .narrowedTo(new StatsFilter(Set.of(ids.get(0)), null, null, null));
        InboundFigures raw = new InboundStatistics(db.dsl(), settings).inbound(period, placerOnly, NOW);
        assertThat(raw.total().total()).as("the rule: the placer took part, the call rang the scope").isEqualTo(1);
        InboundFigures kept = new InboundStatistics(db.dsl(), settings, hourly).inbound(period, placerOnly, NOW);
        assertThat(kept.total().total()).as("from the rows").isEqualTo(1);
        assertThat(kept).usingRecursiveComparison(closeEnough()).isEqualTo(raw);
    }

    @Test
    void everyCallIsCountedWhileTheRowsAreBeingRecomputed() throws Exception {
        HourlyAggregates hourly = new HourlyAggregates(db.dsl(), StatsSettings.standard(MOSCOW));
        hourly.adopt();
        assertThat(hourly.everyCall()).hasValue(db.dsl().fetchCount(CALLS));
        // a recompute of every row holds the lock for minutes: the list's total does not wait for it
        var held = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        var holder = java.util.concurrent.CompletableFuture.runAsync(() -> db.dsl().transaction(configuration -> {
            HourlyAggregates.lock(org.jooq.impl.DSL.using(configuration));
            held.countDown();
            release.await();
        }));
        try {
            held.await();
            assertThat(hourly.everyCall()).isEmpty();
        } finally {
            release.countDown();
            holder.get();
        }
        assertThat(hourly.everyCall()).hasValue(db.dsl().fetchCount(CALLS));
    }

    /** Every row of every statistics table, each table's sorted by all its columns. */
    private static List<List<List<Object>>> statisticsRows() {
        List<List<List<Object>>> tables = new ArrayList<>();
        for (String table : List.of("stats_hour_calls", "stats_hour_parts", "stats_call_operators", "stats_day_calls",
                "stats_day_parts", "stats_day_queue_parts", "stats_day_operator_queues")) {
            int columns = db.dsl().meta().getTables(table).getFirst().fields().length;
            String order = String.join(", ", java.util.stream.IntStream.rangeClosed(1, columns)
                    .mapToObj(Integer::toString).toList());
            List<List<Object>> rows = db.dsl().fetch("select * from " + table + " order by " + order).stream()
                    .map(row -> java.util.Arrays.asList(row.intoArray())).toList();
            assertThat(rows).as(table).isNotEmpty();
            tables.add(rows);
        }
        return tables;
    }

    private void compare(StatsSettings settings, HourlyAggregates hourly, String when) {
        keptFactsAreTheRules(when);
        // the unfiltered call list's total, ended calls or not
        assertThat(hourly.everyCall()).as("every call, " + when).hasValue(db.dsl().fetchCount(CALLS));
        BusinessDays days = new BusinessDays(settings);
        InboundStatistics rawInbound = new InboundStatistics(db.dsl(), settings);
        InboundStatistics hourInbound = new InboundStatistics(db.dsl(), settings, hourly);
        DirectionStatistics rawDirections = new DirectionStatistics(db.dsl());
        DirectionStatistics hourDirections = new DirectionStatistics(db.dsl(), hourly);
        OperatorStatistics rawOperators = new OperatorStatistics(db.dsl(), settings);
        OperatorStatistics hourOperators = new OperatorStatistics(db.dsl(), settings, hourly);
        RecursiveComparisonConfiguration closeEnough = closeEnough();
        for (int c = 0; c < CASES; c++) {
            LocalDate first = FIRST.minusDays(1).plusDays(random.nextInt(DAYS + 1));
            LocalDate last = first.plusDays(random.nextInt(3));
            Period period = days.days(first, last);
            StatsScope everything = StatsScope.everything().narrowedTo(randomFilter(false));
            StatsScope scope = randomScope();
            StatsFilter filter = randomFilter(true);
            Set<Long> team = randomTeam(scope);
            if (filter.operators() == null && team != null) {
                filter = new StatsFilter(team, filter.line(), filter.queue(), filter.direction());
            }
            StatsScope anyScope = scope.narrowedTo(filter);
            String what = when + ", case " + c + ": " + first + ".." + last + " " + everything + " / " + anyScope;

            assertThat(hourInbound.inbound(period, everything, NOW)).as(what)
                    .usingRecursiveComparison(closeEnough).isEqualTo(rawInbound.inbound(period, everything, NOW));
            TimelineBuckets by = TimelineBuckets.values()[random.nextInt(TimelineBuckets.values().length)];
            List<Instant> boundaries = by.boundaries(first, last, days);
            List<InboundCounters> timeline = hourInbound.between(boundaries, everything);
            assertThat(timeline).as(what + " by " + by).usingRecursiveComparison(closeEnough)
                    .isEqualTo(rawInbound.between(boundaries, everything));
            assertThat(hourDirections.of(period, everything)).as(what)
                    .isEqualTo(rawDirections.of(period, everything));
            // a team's figures: each call once, however many of its operators it rang
            assertThat(hourInbound.inbound(period, anyScope, NOW)).as(what + " inbound in scope")
                    .usingRecursiveComparison(closeEnough).isEqualTo(rawInbound.inbound(period, anyScope, NOW));
            assertThat(hourInbound.between(boundaries, anyScope)).as(what + " by " + by + " in scope")
                    .usingRecursiveComparison(closeEnough).isEqualTo(rawInbound.between(boundaries, anyScope));
            assertThat(hourDirections.of(period, anyScope)).as(what + " directions in scope")
                    .isEqualTo(rawDirections.of(period, anyScope));
            assertThat(hourInbound.repeatCallers(period, everything)).as(what + " repeat callers")
                    .usingRecursiveComparison(closeEnough).isEqualTo(rawInbound.repeatCallers(period, everything));
            assertThat(hourInbound.repeatCallers(period, anyScope)).as(what + " repeat callers in scope")
                    .usingRecursiveComparison(closeEnough).isEqualTo(rawInbound.repeatCallers(period, anyScope));
            assertThat(hourOperators.operators(period, anyScope, NOW)).as(what)
                    .usingRecursiveComparison(closeEnough).isEqualTo(rawOperators.operators(period, anyScope, NOW));
            assertThat(hourOperators.work(period, anyScope, NOW)).as(what)
                    .usingRecursiveComparison(closeEnough).isEqualTo(rawOperators.work(period, anyScope, NOW));
        }
        assertThat(rawInbound.inbound(days.days(FIRST, FIRST.plusDays(DAYS)), StatsScope.everything(), NOW)
                .total().total()).as("the cases counted calls").isGreaterThan(100);
    }

    private static RecursiveComparisonConfiguration closeEnough() {
        return RecursiveComparisonConfiguration.builder()
                // sums in another order differ in the last bits: equal within a relative 1e-9 (a rounding of both
                // to six places would split two such sums that straddle a half)
                .withComparatorForType((Double a, Double b) -> Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a))
                        ? 0 : Double.compare(a, b), Double.class)
                .build();
    }

    /** The facts kept on each call (V12) equal their rules asked of the calls themselves. */
    private void keptFactsAreTheRules(String when) {
        dev.zvonok.server.db.schema.tables.Calls later = CALLS.as("later_inbound");
        org.jooq.Field<OffsetDateTime> nextInbound = org.jooq.impl.DSL.field(org.jooq.impl.DSL
                .select(org.jooq.impl.DSL.min(later.STARTED_AT)).from(later)
                .where(later.CALLER_NORMALIZED.eq(CALLS.CALLER_NORMALIZED), later.DIRECTION.eq("inbound"),
                        later.STARTED_AT.gt(CALLS.STARTED_AT)));
        assertThat(db.dsl().fetchCount(CALLS, CALLS.REACHED_AT.isDistinctFrom(
                dev.zvonok.server.calls.Reached.at(CALLS)))).as(when + ": reached_at").isZero();
        assertThat(db.dsl().fetchCount(CALLS, CALLS.NEXT_INBOUND_AT.isDistinctFrom(
                org.jooq.impl.DSL.when(CALLS.DIRECTION.eq("inbound"), nextInbound)))).as(when + ": next_inbound_at")
                .isZero();
        assertThat(db.dsl().fetchCount(CALLS, CALLS.REACHED_AT.isNotNull())).as(when + ": some calls reached")
                .isPositive();
    }

    private StatsScope randomScope() {
        if (random.nextBoolean()) {
            return StatsScope.everything();
        }
        if (random.nextInt(3) == 0) {
            // a team that also serves a queue by name, whoever answers it
            return new StatsScope(false, Set.of(users.get(random.nextInt(users.size()))),
                    Set.of(pick(new String[] {"sales", "support"})), StatsFilter.NONE);
        }
        Set<Long> some = new HashSet<>();
        users.forEach(user -> {
            if (random.nextInt(3) == 0) {
                some.add(user);
            }
        });
        return StatsScope.of(some, Set.of());
    }

    /** Now and then some of the scope's operators, as a team filter names them; else null. */
    private Set<Long> randomTeam(StatsScope scope) {
        if (scope.all() || scope.users().isEmpty() || random.nextInt(4) != 0) {
            return null;
        }
        Set<Long> team = new HashSet<>();
        scope.users().forEach(user -> {
            if (random.nextBoolean()) {
                team.add(user);
            }
        });
        return team.isEmpty() ? null : team;
    }

    private StatsFilter randomFilter(boolean operators) {
        Set<Long> who = operators && random.nextInt(4) == 0 ? Set.of(users.get(random.nextInt(users.size()))) : null;
        String line = random.nextInt(4) == 0 ? pick(new String[] {"Реклама", "Сайт", DIALLED[0], DIALLED[1]}) : null;
        String queue = random.nextInt(4) == 0 ? pick(new String[] {"sales", "support"}) : null;
        CallDirection direction = random.nextInt(4) == 0
                ? CallDirection.values()[random.nextInt(CallDirection.values().length)] : null;
        return new StatsFilter(who, line, queue, direction);
    }

    private void randomCall(DSLContext dsl, String linkedid) {
        String direction = random.nextInt(10) < 7 ? "inbound" : random.nextBoolean() ? "outbound" : "internal";
        String disposition = pick(DISPOSITIONS);
        // the period's days and the days around them, to the second; a few right on an hour's edge
        Instant start = FIRST.minusDays(1).atStartOfDay(MOSCOW).toInstant()
                .plusSeconds(random.nextInt((DAYS + 2) * 86_400));
        if (random.nextInt(20) == 0) {
            start = start.minusSeconds(start.getEpochSecond() % 3600);
        }
        int wait = random.nextInt(60);
        Integer answeredAfter = "answered".equals(disposition) ? wait : null;
        int endedAfter = wait + random.nextInt(300);
        long call = dsl.insertInto(CALLS)
                .set(CALLS.LINKEDID, linkedid)
                .set(CALLS.DIRECTION, direction)
                .set(CALLS.CALLER_NUMBER, "+7999000" + random.nextInt(50))
                .set(CALLS.CALLER_NORMALIZED, "+7999000" + random.nextInt(50))
                // now and then an inbound call from an operator's number (a mobile in the directory): their row says
                // they placed it, not that it rang them
                .set(CALLS.CALLER_USER_ID, direction.equals("inbound") && random.nextInt(15) != 0 ? null
                        : users.get(random.nextInt(5)))
                .set(CALLS.LINE_NAME, pick(LINES))
                .set(CALLS.DIALED_NUMBER, pick(DIALLED))
                // an outbound call back to a caller: it reaches them
                .set(CALLS.DIALED_NORMALIZED, direction.equals("outbound") && random.nextBoolean()
                        ? "+7999000" + random.nextInt(50) : pick(DIALLED))
                .set(CALLS.QUEUE, pick(QUEUES))
                .set(CALLS.DISPOSITION, disposition)
                .set(CALLS.STARTED_AT, utc(start))
                .set(CALLS.ANSWERED_AT, answeredAfter == null ? null : utc(start.plusSeconds(answeredAfter)))
                .set(CALLS.ENDED_AT, disposition == null ? null : utc(start.plusSeconds(endedAfter)))
                .returning(CALLS.ID).fetchOne(CALLS.ID);
        List<Long> rang = new ArrayList<>(users);
        java.util.Collections.shuffle(rang, random);
        int parts = random.nextInt(4);
        for (int p = 0; p < parts; p++) {
            boolean answered = random.nextInt(3) == 0;
            boolean ended = random.nextInt(8) != 0;
            Instant ring = start.plusSeconds(random.nextInt(30));
            Instant answer = answered ? ring.plusSeconds(random.nextInt(30)) : null;
            Instant end = ended ? ring.plusSeconds(30 + random.nextInt(600)) : null;
            // finished, still open (some past the cap, some not), or finished without a known wrap-up
            int card = random.nextInt(4);
            Long wrapUp = card == 0 ? null : card == 3 ? null : (long) random.nextInt(3_600_000);
            OffsetDateTime finished = end == null || card == 0 ? null : utc(end.plusMillis(wrapUp == null ? 0 : wrapUp));
            if (random.nextInt(6) == 0 && end != null && answered) {
                end = NOW.minusSeconds(random.nextInt(3600)); // open cards ending near now: some within the cap
                finished = null;
            }
            dsl.insertInto(CALL_OFFERS)
                    .set(CALL_OFFERS.CALL_ID, call)
                    .set(CALL_OFFERS.EXTENSION, "10" + p)
                    .set(CALL_OFFERS.USER_ID, random.nextInt(10) == 0 ? null : rang.get(p))
                    .set(CALL_OFFERS.RING_AT, utc(ring))
                    .set(CALL_OFFERS.ANSWER_AT, answer == null ? null : utc(answer))
                    .set(CALL_OFFERS.END_AT, end == null ? null : utc(end))
                    .set(CALL_OFFERS.TALK_MS, answer == null || end == null || random.nextInt(10) == 0 ? null
                            : Math.max(0, Duration.between(answer, end).toMillis()))
                    .set(CALL_OFFERS.RESULT, answered ? (random.nextInt(4) == 0 ? "transferred" : "answered")
                            : pick(RESULTS))
                    .set(CALL_OFFERS.TRANSFERRED_FROM, random.nextInt(8) == 0 ? "200" : null)
                    .set(CALL_OFFERS.TRANSFERRED_TO, random.nextInt(8) == 0 ? "300" : null)
                    .set(CALL_OFFERS.FINISHED_AT, finished)
                    .set(CALL_OFFERS.WRAP_UP_MS, finished == null ? null : wrapUp)
                    // answered parts held a while, not at all, or recorded before hold was measured (null)
                    .set(CALL_OFFERS.HOLD_MS, answer == null || random.nextInt(5) == 0 ? null
                            : random.nextBoolean() ? 0L : (long) random.nextInt(120_000))
                    .execute();
        }
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
