package dev.zvonok.server.bench;

import dev.zvonok.server.stats.BusinessDays;
import dev.zvonok.server.stats.HourlyAggregates;
import dev.zvonok.server.stats.OperatorStatistics;
import dev.zvonok.server.stats.Period;
import dev.zvonok.server.stats.StatsScope;
import dev.zvonok.server.stats.StatsSettings;
import dev.zvonok.server.stats.WorkDays;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The operators' table's work time (logged in, break by reason, occupancy) on years of work-status log: 1,000
 * operators ({@code bench.operators}), two years of working days, eight stretches a day each (six available, two
 * breaks, gaps offline between), one stretch per operator open now — generated in PostgreSQL, then the day rows kept
 * from it by {@link WorkDays#rebuild} (what {@code stats rebuild} does). Then each question is asked
 * {@code bench.runs} times both ways, on the same data and the same random months: adding up the log itself (as
 * before V14: {@code OperatorStatistics} without kept rows) and from the day rows (with them, as the server does).
 * No calls: what is measured is what the work-status log adds to the table. {@code -Dbench.data=DIR} keeps the
 * generated database for later runs.
 */
public final class WorkTimeAtScale {

    private static final int OPERATORS = Integer.getInteger("bench.operators", 1_000);
    private static final int RUNS = Integer.getInteger("bench.runs", 40);
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 12, 1);

    private WorkTimeAtScale() {
    }

    public static void main(String[] args) throws IOException {
        try (BenchDatabase database = BenchDatabase.open("worktime")) {
            DSLContext dsl = database.dsl();
            StatsSettings settings = StatsSettings.standard(MOSCOW);
            if (dsl.fetchExists(DSL.table("work_status_log"))) {
                System.out.printf("reusing %,d work-status rows%n", dsl.fetchCount(DSL.table("work_status_log")));
            } else {
                long started = System.nanoTime();
                // without the triggers (the day rows' upkeep, row by row): the rebuild below adds up everything
                dsl.transaction(configuration -> {
                    DSLContext tx = DSL.using(configuration);
                    tx.execute("set local session_replication_role = replica");
                    generate(tx);
                });
                System.out.printf("generated %,d work-status rows for %,d operators in %.0f s%n",
                        dsl.fetchCount(DSL.table("work_status_log")), OPERATORS, (System.nanoTime() - started) / 1e9);
                started = System.nanoTime();
                int rows = new WorkDays(dsl, settings).rebuild();
                System.out.printf("rebuilt %,d day rows of work time in %.0f s%n", rows,
                        (System.nanoTime() - started) / 1e9);
                dsl.execute("vacuum analyze");
            }
            measure(dsl, settings);
        }
    }

    private static void generate(DSLContext dsl) {
        dsl.execute("""
                insert into users (login, display_name, password_hash, role)
                select 'op' || i, 'Оператор ' || lpad(i::text, 4, '0'), '-', 'operator'
                from generate_series(1, %d) i""".formatted(OPERATORS));
        // each day from 09:00 Moscow: stretch k starts at k × 67.5 min and lasts 60 min; k = 2 and 5 are breaks
        dsl.execute("""
                insert into work_status_log (user_id, status, reason, started_at, ended_at, source)
                select u.id,
                       case when k in (2, 5) then 'break' else 'available' end,
                       case when k = 2 then 'lunch' when k = 5 then (array['training', 'meeting', 'other'])[1 + (u.id + d) %% 3] end,
                       s, s + interval '60 minutes', 'app'
                from users u
                cross join generate_series(0, 729) d
                cross join generate_series(0, 7) k
                cross join lateral (select (timestamp '%s 09:00' + d * interval '1 day' + k * interval '67.5 minutes')
                                           at time zone 'Europe/Moscow' as s) t
                where u.role = 'operator'""".formatted(FIRST_DAY));
        dsl.execute("""
                insert into work_status_log (user_id, status, reason, started_at, ended_at, source)
                select id, 'available', null, now() - interval '1 hour', null, 'login' from users where role = 'operator'""");
    }

    private static void measure(DSLContext dsl, StatsSettings settings) {
        BusinessDays days = new BusinessDays(settings);
        HourlyAggregates hourly = new HourlyAggregates(dsl, settings);
        hourly.adopt();
        OperatorStatistics fromTheLog = new OperatorStatistics(dsl, settings);
        OperatorStatistics fromTheDays = new OperatorStatistics(dsl, settings, hourly);
        List<Long> ids = dsl.fetch("select id from users where role = 'operator' order by id").getValues(0, Long.class);
        Set<Long> team = new HashSet<>(ids.subList(0, 10));
        Instant now = Instant.now();
        // the same answer both ways, first: a month, and 30 days from a moment mid-day
        Random check = new Random(7);
        for (int i = 0; i < 3; i++) {
            for (Period period : List.of(month(days, check), midDay(days, check))) {
                if (!fromTheLog.operators(period, StatsScope.everything(), now)
                        .equals(fromTheDays.operators(period, StatsScope.everything(), now))) {
                    throw new IllegalStateException("the day rows answer otherwise than the log for " + period);
                }
            }
        }
        System.out.printf("%d runs each, the same random periods of the second year both ways; ms%n", RUNS);
        // -Dbench.ways=days (or log) measures one way only
        String ways = System.getProperty("bench.ways", "log,days");
        for (OperatorStatistics operators : List.of(fromTheLog, fromTheDays)) {
            if (!ways.contains(operators == fromTheLog ? "log" : "days")) {
                continue;
            }
            String how = operators == fromTheLog ? "the log" : "day rows";
            Random random = new Random(13);
            BenchDatabase.Timing.of(RUNS, () -> {
                if (operators.operators(month(days, random), StatsScope.everything(), now).size() != OPERATORS) {
                    throw new IllegalStateException("every operator was logged in that month");
                }
            }).print("operators' table, admin, a month (" + OPERATORS + " operators), " + how);
            BenchDatabase.Timing.of(RUNS, () -> operators.operators(month(days, random), StatsScope.of(team, Set.of()),
                    now)).print("operators' table, supervisor (a team of 10), a month, " + how);
            BenchDatabase.Timing.of(RUNS, () -> {
                LocalDate day = FIRST_DAY.plusDays(365 + random.nextInt(300));
                operators.operators(days.days(day, day), StatsScope.everything(), now);
            }).print("operators' table, admin, one day, " + how);
            BenchDatabase.Timing.of(RUNS, () -> operators.operators(midDay(days, random), StatsScope.everything(),
                    now)).print("operators' table, admin, 30 days from 14:23:17 (two partial days), " + how);
        }
    }

    /** A random calendar month of the second year. */
    private static Period month(BusinessDays days, Random random) {
        LocalDate first = FIRST_DAY.plusMonths(12 + random.nextInt(11));
        return days.days(first, first.plusMonths(1).minusDays(1));
    }

    /** 30 days from 14:23:17 of a random day of the second year: a partial day at each end. */
    private static Period midDay(BusinessDays days, Random random) {
        LocalDate first = FIRST_DAY.plusDays(365 + random.nextInt(300));
        Instant from = first.atTime(14, 23, 17).atZone(days.zone()).toInstant();
        return new Period(from, from.plus(Duration.ofDays(30)));
    }
}
