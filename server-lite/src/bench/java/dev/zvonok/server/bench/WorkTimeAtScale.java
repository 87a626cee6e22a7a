package dev.zvonok.server.bench;

import dev.zvonok.server.db.Database;
import dev.zvonok.server.db.DatabaseSettings;
import dev.zvonok.server.stats.BusinessDays;
import dev.zvonok.server.stats.OperatorStatistics;
import dev.zvonok.server.stats.Period;
import dev.zvonok.server.stats.StatsScope;
import dev.zvonok.server.stats.StatsSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The operators' table's work time (logged in, break by reason, occupancy) on years of work-status log: 1,000
 * operators ({@code bench.operators}), two years of working days, eight stretches a day each (six available, two
 * breaks, gaps offline between), one stretch per operator open now — generated in PostgreSQL. Then the operators'
 * table of a random month of the second year is asked {@code bench.runs} times, an admin's (everybody) and a
 * supervisor's (a team of 10). No calls: what is measured is what the work-status log adds to the table.
 */
public final class WorkTimeAtScale {

    private static final int OPERATORS = Integer.getInteger("bench.operators", 1_000);
    private static final int RUNS = Integer.getInteger("bench.runs", 40);
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 12, 1);

    private WorkTimeAtScale() {
    }

    public static void main(String[] args) throws IOException {
        Path dataDirectory = Files.createTempDirectory("zvonok-bench-worktime");
        try (Database database = Database.start(DatabaseSettings.embedded(dataDirectory))) {
            DSLContext dsl = database.dsl();
            long started = System.nanoTime();
            generate(dsl);
            dsl.execute("vacuum analyze");
            System.out.printf("generated %,d work-status rows for %,d operators in %.0f s%n",
                    dsl.fetchCount(DSL.table("work_status_log")), OPERATORS, (System.nanoTime() - started) / 1e9);
            measure(dsl);
        } finally {
            try (Stream<Path> files = Files.walk(dataDirectory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
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

    private static void measure(DSLContext dsl) {
        StatsSettings settings = StatsSettings.standard(MOSCOW);
        BusinessDays days = new BusinessDays(settings);
        OperatorStatistics operators = new OperatorStatistics(dsl, settings);
        List<Long> ids = dsl.fetch("select id from users where role = 'operator' order by id").getValues(0, Long.class);
        Set<Long> team = new HashSet<>(ids.subList(0, 10));
        Random random = new Random(13);
        Instant now = Instant.now();
        System.out.printf("%d runs each, a random month of the second year; ms%n", RUNS);
        report("operators' table, admin (" + OPERATORS + " operators' work time)", () -> {
            LocalDate first = FIRST_DAY.plusMonths(12 + random.nextInt(11));
            Period period = days.days(first, first.plusMonths(1).minusDays(1));
            if (operators.operators(period, StatsScope.everything(), now).size() != OPERATORS) {
                throw new IllegalStateException("every operator was logged in that month");
            }
        });
        report("operators' table, supervisor (a team of 10)", () -> {
            LocalDate first = FIRST_DAY.plusMonths(12 + random.nextInt(11));
            operators.operators(days.days(first, first.plusMonths(1).minusDays(1)), StatsScope.of(team, Set.of()),
                    now);
        });
        report("operators' table, admin, one day", () -> {
            LocalDate day = FIRST_DAY.plusDays(365 + random.nextInt(300));
            operators.operators(days.days(day, day), StatsScope.everything(), now);
        });
    }

    private static void report(String what, Runnable question) {
        question.run(); // warm-up
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            question.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("%-60s p50 %7.1f  p95 %7.1f  max %7.1f%n", what, ms[RUNS / 2],
                ms[(int) Math.ceil(RUNS * 0.95) - 1], ms[RUNS - 1]);
    }
}
