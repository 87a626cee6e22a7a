package dev.zvonok.server.bench;

import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.calls.CallQuery;
import dev.zvonok.server.calls.CallRepository;
import dev.zvonok.server.stats.BusinessDays;
import dev.zvonok.server.stats.CallbackStatistics;
import dev.zvonok.server.stats.DirectionStatistics;
import dev.zvonok.server.stats.HourlyAggregates;
import dev.zvonok.server.stats.InboundStatistics;
import dev.zvonok.server.stats.OperatorStatistics;
import dev.zvonok.server.stats.Period;
import dev.zvonok.server.stats.StatsScope;
import dev.zvonok.server.stats.StatsSettings;
import dev.zvonok.server.stats.TimelineBuckets;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;
import org.jooq.DSLContext;

/**
 * The statistics on years of calls (issue 13: "a month's summary, timeline by day and by hour, operators table and a
 * call-list page each ≤ 200 ms at p95 with 10 million calls"). The calls are generated in PostgreSQL itself
 * ({@code generate_series}): two years in Moscow, more by day than by night and on weekdays, 100 operators, 20 lines,
 * 4 queues, 75 % inbound; about 1.3 offers per call. Then the hourly rows are rebuilt (what {@code stats rebuild}
 * does) and each question is asked {@code bench.runs} times for a random month of the second year, an admin's (whole
 * centre) and a supervisor's (a team of 10) where they differ. The questions are the statistics classes the routes
 * call, without HTTP and JSON (which add the same few ms to each).
 */
public final class StatisticsAtScale {

    private static final long CALLS = Long.getLong("bench.calls", 1_000_000);
    private static final int RUNS = Integer.getInteger("bench.runs", 40);
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 12, 1);

    private StatisticsAtScale() {
    }

    public static void main(String[] args) throws IOException {
        // -Dbench.data keeps the database between runs: 10 million calls take half an hour to generate, so one
        // generation (bench.measure=false) can serve several measurements of later code
        boolean measure = Boolean.parseBoolean(System.getProperty("bench.measure", "true"));
        try (BenchDatabase database = BenchDatabase.open("stats")) {
            DSLContext dsl = database.dsl();
            StatsSettings stats = StatsSettings.standard(MOSCOW);
            long started = System.nanoTime();
            if (dsl.fetchExists(dev.zvonok.server.db.schema.Tables.CALLS)) {
                System.out.printf("reusing %,d calls, %,d offers%n",
                        dsl.fetchCount(dev.zvonok.server.db.schema.Tables.CALLS),
                        dsl.fetchCount(dev.zvonok.server.db.schema.Tables.CALL_OFFERS));
            } else {
                generateWithoutIndexes(dsl);
                System.out.printf("generated %,d calls, %,d offers in %.0f s (load average %s)%n", CALLS,
                        dsl.fetchCount(dev.zvonok.server.db.schema.Tables.CALL_OFFERS),
                        (System.nanoTime() - started) / 1e9, BenchDatabase.load());
            }
            if (!measure) {
                return;
            }
            HourlyAggregates hourly = new HourlyAggregates(dsl, stats);
            if (Boolean.getBoolean("bench.skipRebuild")) {
                measure(dsl, stats, hourly);
                return;
            }
            started = System.nanoTime();
            int hours = hourly.rebuild();
            System.out.printf("rebuilt %,d hours (%,d call rows, %,d part rows; %,d call-operator rows; daily: %,d call"
                            + " rows, %,d part rows, %,d queue part rows) in %.0f s%n", hours,
                    dsl.fetchCount(dev.zvonok.server.db.schema.Tables.STATS_HOUR_CALLS),
                    dsl.fetchCount(dev.zvonok.server.db.schema.Tables.STATS_HOUR_PARTS),
                    dsl.fetchCount(dev.zvonok.server.db.schema.Tables.STATS_CALL_OPERATORS),
                    dsl.fetchCount(dev.zvonok.server.db.schema.Tables.STATS_DAY_CALLS),
                    dsl.fetchCount(dev.zvonok.server.db.schema.Tables.STATS_DAY_PARTS),
                    dsl.fetchCount(dev.zvonok.server.db.schema.Tables.STATS_DAY_QUEUE_PARTS),
                    (System.nanoTime() - started) / 1e9);
            System.out.println("load average: " + BenchDatabase.load());
            dsl.execute("vacuum analyze");
            measure(dsl, stats, hourly);
        }
    }

    private static void measure(DSLContext dsl, StatsSettings settings, HourlyAggregates hourly) {
        BusinessDays days = new BusinessDays(settings);
        InboundStatistics inbound = new InboundStatistics(dsl, settings, hourly);
        DirectionStatistics directions = new DirectionStatistics(dsl, hourly);
        OperatorStatistics operators = new OperatorStatistics(dsl, settings, hourly);
        CallbackStatistics callbacks = new CallbackStatistics(dsl);
        CallRepository calls = new CallRepository(dsl, PhoneNumbers.russian(), hourly::everyCall);
        CallRepository countingCalls = new CallRepository(dsl, PhoneNumbers.russian());
        List<Long> team = dsl.select(dev.zvonok.server.db.schema.Tables.USERS.ID)
                .from(dev.zvonok.server.db.schema.Tables.USERS).orderBy(1).limit(10)
                .fetch(dev.zvonok.server.db.schema.Tables.USERS.ID);
        StatsScope admin = StatsScope.everything();
        StatsScope supervisor = StatsScope.of(new java.util.HashSet<>(team), java.util.Set.of());
        java.util.Random random = new java.util.Random(13);
        Supplier<LocalDate> month = () -> FIRST_DAY.plusMonths(12 + random.nextInt(11));
        Instant now = Instant.now();
        System.out.printf("%d runs each, a random month of the second year; ms%n", RUNS);
        report("summary, admin (inbound, directions, work, repeat callers; not callbacks)", () -> {
            LocalDate first = month.get();
            Period period = days.days(first, first.plusMonths(1).minusDays(1));
            inbound.inbound(period, admin, now);
            directions.of(period, admin);
            operators.work(period, admin, now);
            inbound.repeatCallers(period, admin);
        });
        report("  of which inbound + directions + work (daily and hourly rows)", () -> {
            LocalDate first = month.get();
            Period period = days.days(first, first.plusMonths(1).minusDays(1));
            inbound.inbound(period, admin, now);
            directions.of(period, admin);
            operators.work(period, admin, now);
        });
        if (Boolean.getBoolean("bench.parts")) {
            for (var asked : List.of(java.util.Map.entry("admin", admin), java.util.Map.entry("supervisor", supervisor))) {
                StatsScope scope = asked.getValue();
                report("  " + asked.getKey() + ": inbound", () -> {
                    LocalDate first = month.get();
                    inbound.inbound(days.days(first, first.plusMonths(1).minusDays(1)), scope, now);
                });
                report("  " + asked.getKey() + ": directions", () -> {
                    LocalDate first = month.get();
                    directions.of(days.days(first, first.plusMonths(1).minusDays(1)), scope);
                });
                report("  " + asked.getKey() + ": work", () -> {
                    LocalDate first = month.get();
                    operators.work(days.days(first, first.plusMonths(1).minusDays(1)), scope, now);
                });
                report("  " + asked.getKey() + ": refresh", hourly::refresh);
            }
        }
        report("  of which repeat callers (kept rows)", () -> {
            LocalDate first = month.get();
            inbound.repeatCallers(days.days(first, first.plusMonths(1).minusDays(1)), admin);
        });
        // a supervisor's team filter: three of their operators; an operator filter: one
        StatsScope teamFilter = supervisor.narrowedTo(new dev.zvonok.server.stats.StatsFilter(
                new java.util.HashSet<>(team.subList(0, 3)), null, null, null));
        StatsScope operatorFilter = supervisor.narrowedTo(new dev.zvonok.server.stats.StatsFilter(
                java.util.Set.of(team.get(4)), null, null, null));
        for (var asked : List.of(java.util.Map.entry("supervisor of 10", supervisor),
                java.util.Map.entry("supervisor of 10, team filter (3 operators)", teamFilter),
                java.util.Map.entry("supervisor of 10, operator filter", operatorFilter))) {
            report("summary, " + asked.getKey(), () -> {
                LocalDate first = month.get();
                Period period = days.days(first, first.plusMonths(1).minusDays(1));
                inbound.inbound(period, asked.getValue(), now);
                directions.of(period, asked.getValue());
                operators.work(period, asked.getValue(), now);
                inbound.repeatCallers(period, asked.getValue());
            });
        }
        report("timeline by day, admin", () -> {
            LocalDate first = month.get();
            inbound.between(TimelineBuckets.DAY.boundaries(first, first.plusMonths(1).minusDays(1), days), admin);
        });
        report("timeline by hour, admin", () -> {
            LocalDate first = month.get();
            inbound.between(TimelineBuckets.HOUR.boundaries(first, first.plusMonths(1).minusDays(1), days), admin);
        });
        report("timeline by day, supervisor of 10", () -> {
            LocalDate first = month.get();
            inbound.between(TimelineBuckets.DAY.boundaries(first, first.plusMonths(1).minusDays(1), days),
                    supervisor);
        });
        report("timeline by hour, supervisor of 10", () -> {
            LocalDate first = month.get();
            inbound.between(TimelineBuckets.HOUR.boundaries(first, first.plusMonths(1).minusDays(1), days),
                    supervisor);
        });
        report("timeline by day, supervisor of 10, team filter", () -> {
            LocalDate first = month.get();
            inbound.between(TimelineBuckets.DAY.boundaries(first, first.plusMonths(1).minusDays(1), days),
                    teamFilter);
        });
        report("operators table, supervisor of 10", () -> {
            LocalDate first = month.get();
            operators.operators(days.days(first, first.plusMonths(1).minusDays(1)), supervisor, now);
        });
        report("operators table, admin", () -> {
            LocalDate first = month.get();
            operators.operators(days.days(first, first.plusMonths(1).minusDays(1)), admin, now);
        });
        report("call list, first page of a month (/api/calls)", () -> {
            LocalDate first = month.get();
            Period period = days.days(first, first.plusMonths(1).minusDays(1));
            calls.search(CallQuery.all().between(period.from(), period.to()));
        });
        report("call list, first page, everything (/api/calls; total from the kept rows)",
                () -> calls.search(CallQuery.all()));
        report("call list, first page, everything, counted (count(*) of every call, as before V16)",
                () -> countingCalls.search(CallQuery.all()));
        report("call-backs of a month, admin: the summary's counters", () -> {
            LocalDate first = month.get();
            callbacks.counters(days.days(first, first.plusMonths(1).minusDays(1)), admin);
        });
        report("call-backs of a month, admin: the list's first page and its count", () -> {
            LocalDate first = month.get();
            Period period = days.days(first, first.plusMonths(1).minusDays(1));
            callbacks.numbers(period, admin);
            callbacks.list(period, admin, 0, 50);
        });
        report("missed list, first page (/api/calls?reached=false)", () -> calls.search(CallQuery.all()
                .reached(false)));
    }

    private static void report(String what, Runnable question) {
        BenchDatabase.Timing.of(RUNS, question).print(what);
    }

    /**
     * The calls as the server would have kept them, written fast: without the triggers (the hours' staleness, foreign
     * keys; the rebuild recomputes the hourly rows) and without the calls' and offers' indexes, made again at the end
     * (sixteen indexes kept row by row made 10 million calls take more than an hour). The calls' kept facts
     * ({@code reached_at}, {@code next_inbound_at}), which the server's triggers keep as calls are written, come from
     * one pass of {@code calls_keep_all()}; the table is then rewritten without that update's old row versions.
     */
    private static void generateWithoutIndexes(DSLContext dsl) {
        String tables = "('calls', 'call_offers')";
        List<String> indexes = dsl.fetch("select indexdef from pg_indexes where schemaname = current_schema()"
                        + " and tablename in " + tables + " and indexname not in (select conname from pg_constraint)")
                .getValues(0, String.class);
        long written = System.nanoTime();
        dsl.transaction(configuration -> {
            DSLContext tx = org.jooq.impl.DSL.using(configuration);
            tx.execute("set local session_replication_role = replica");
            for (String name : dsl.fetch("select indexname from pg_indexes where schemaname = current_schema()"
                    + " and tablename in " + tables + " and indexname not in (select conname from pg_constraint)")
                    .getValues(0, String.class)) {
                tx.execute("drop index " + name);
            }
            generate(tx);
            System.out.printf("  calls and offers written in %.0f s%n", (System.nanoTime() - written) / 1e9);
            long kept = System.nanoTime();
            tx.fetchValue("select calls_keep_all()");
            System.out.printf("  kept facts in %.0f s%n", (System.nanoTime() - kept) / 1e9);
        });
        long step = System.nanoTime();
        dsl.execute("vacuum full calls");
        System.out.printf("  calls rewritten in %.0f s%n", (System.nanoTime() - step) / 1e9);
        step = System.nanoTime();
        dsl.transaction(configuration -> {
            DSLContext tx = org.jooq.impl.DSL.using(configuration);
            tx.execute("set local maintenance_work_mem = '512MB'");
            indexes.forEach(tx::execute);
        });
        System.out.printf("  %d indexes made in %.0f s%n", indexes.size(), (System.nanoTime() - step) / 1e9);
        dsl.execute("vacuum analyze calls");
        dsl.execute("vacuum analyze call_offers");
    }

    /** Users, then calls and their offers, all in SQL: Java would spend an hour sending 10 million rows. */
    private static void generate(DSLContext dsl) {
        dsl.execute("""
                insert into users (login, display_name, password_hash, role)
                select 'op' || i, 'Оператор ' || lpad(i::text, 3, '0'), '-', 'operator'
                from generate_series(1, 100) i""");
        long firstUser = dsl.fetchValue(org.jooq.impl.DSL.field("(select min(id) from users)", Long.class));
        // the moment of each call: uniform over the two years' days, then an hour weighted towards 9-18
        // (two draws, the later of a pair of uniform hours biased to the day), weekends thinner (every third kept)
        dsl.execute("""
                insert into calls (linkedid, direction, caller_number, caller_normalized, dialed_number,
                                   dialed_normalized, queue, line_name, line_source, caller_user_id, disposition,
                                   answered_at, ended_at, started_at, answered_by_user_id)
                select 'g' || i,
                       case when r1 < 0.75 then 'inbound' when r1 < 0.92 then 'outbound' else 'internal' end,
                       '+7999' || lpad((hashint % 200000)::text, 7, '0'),
                       '+7999' || lpad((hashint % 200000)::text, 7, '0'),
                       '+749500000' || lpad((hashint % 20)::text, 2, '0'),
                       '+749500000' || lpad((hashint % 20)::text, 2, '0'),
                       case when hashint % 5 = 4 then null else 'queue' || (hashint % 4) end,
                       case when hashint % 20 < 15 then 'Линия ' || (hashint % 20) end,
                       case when hashint % 20 < 15 then 'rk-' || (hashint % 20) end,
                       case when r1 >= 0.75 then ?::bigint + (hashint % 100) end,
                       case when r2 < 0.78 then 'answered' when r2 < 0.88 then 'missed' when r2 < 0.96 then 'abandoned'
                            when r2 < 0.98 then 'busy' else 'failed' end,
                       case when r2 < 0.78 then t + make_interval(secs => 2 + (hashint % 40)) end,
                       t + make_interval(secs => 20 + (hashint % 600)),
                       t,
                       case when r2 < 0.78 then ?::bigint + ((hashint / 7) % 100) end
                from (select i, random() r1, random() r2, abs(hashint4(i::int)) hashint,
                             ((?::date + (i % 730)::int) + make_interval(hours => (7 + ((i * 7919) % 14))::int,
                                 secs => ((i * 104729) % 3600)::double precision))
                             at time zone 'Europe/Moscow' as t
                      from generate_series(1, ?::bigint) i) g
                -- in the order a call centre writes them: a month's calls lie together, as they would after years
                order by t""", firstUser, firstUser, FIRST_DAY, CALLS);
        // the answering operator's part; every third answered or missed call rang a second operator too
        dsl.execute("""
                insert into call_offers (call_id, extension, user_id, ring_at, answer_at, end_at, ring_ms, talk_ms,
                                         result, finished_at, wrap_up_ms)
                select id, 'x' || answered_by_user_id, answered_by_user_id, started_at, answered_at, ended_at,
                       extract(epoch from answered_at - started_at)::bigint * 1000,
                       extract(epoch from ended_at - answered_at)::bigint * 1000, 'answered',
                       ended_at + make_interval(secs => id % 90), (id % 90) * 1000
                from calls where disposition = 'answered'""");
        dsl.execute("""
                insert into call_offers (call_id, extension, user_id, ring_at, end_at, result)
                select id, 'y' || ?::bigint + (id % 100), ?::bigint + (id % 100), started_at, ended_at,
                       case when disposition = 'answered' then 'answered_elsewhere' else 'missed' end
                from calls
                where id % 3 = 0 and disposition in ('answered', 'missed')
                  and (answered_by_user_id is null or answered_by_user_id <> ?::bigint + (id % 100))""",
                firstUser, firstUser, firstUser);
    }
}
