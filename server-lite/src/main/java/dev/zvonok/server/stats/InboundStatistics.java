package dev.zvonok.server.stats;

import static dev.zvonok.server.db.schema.Tables.CALLS;
import static dev.zvonok.server.db.schema.Tables.CALL_OFFERS;

import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.stats.InboundCounters;
import dev.zvonok.model.stats.LineFigures;
import dev.zvonok.model.stats.RepeatCallers;
import dev.zvonok.server.db.schema.tables.CallOffers;
import dev.zvonok.server.db.schema.tables.Calls;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The inbound figures of a period, over all queues and per queue, straight from the recorded calls: the one place that
 * says what "answered", "service level" or "handle time" mean (see {@link InboundCounters} for each definition).
 */
public final class InboundStatistics {

    private static final String ANSWERED = CallDisposition.ANSWERED.wireName();
    private static final String ABANDONED = CallDisposition.ABANDONED.wireName();
    private static final String MISSED = CallDisposition.MISSED.wireName();
    private static final Calls SERVED = CALLS.as("served");
    private static final CallOffers SERVED_OFFER = CALL_OFFERS.as("served_offer");
    private static final CallOffers WAITED_OFFER = CALL_OFFERS.as("waited_offer");

    private final DSLContext dsl;
    private final StatsSettings settings;
    private final HourlyAggregates hourly;

    /** Figures always counted from the calls themselves. */
    public InboundStatistics(DSLContext dsl, StatsSettings settings) {
        this(dsl, settings, null);
    }

    /**
     * @param hourly the hourly rows that answer what they can (see {@link #fromHours}); null to count every figure
     *               from the calls themselves
     */
    public InboundStatistics(DSLContext dsl, StatsSettings settings, HourlyAggregates hourly) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.hourly = hourly;
    }

    /**
     * The inbound calls of the period in scope as rows to add up, when the kept rows hold the answer (whole hours):
     * for every operator's calls the daily and hourly rows; for a team's or an operator's, the per-call operator rows
     * (each call once), plus the daily and hourly rows of the queues the team serves. Columns: {@code at},
     * {@code queue} and the counts of {@link #COUNTED}. Null when the calls themselves must be counted. Brings the
     * rows up to date first.
     *
     * @param daysUsable false for a question per hour: the daily rows cannot say which hour
     */
    private Table<?> rows(Period period, StatsScope scope, boolean daysUsable) {
        if (hourly == null || !HourlyAggregates.wholeHours(List.of(period.from(), period.to()))) {
            return null;
        }
        hourly.refresh();
        List<String> columns = new ArrayList<>(List.of("queue"));
        columns.addAll(COUNTED);
        Condition filter = DailyRollups.column("direction", String.class).eq(CallDirection.INBOUND.wireName())
                .and(scope.filter().hours(DailyRollups.column("direction", String.class),
                        DailyRollups.column("line", String.class), DailyRollups.column("queue", String.class)));
        List<String> keys = new ArrayList<>(columns);
        keys.addAll(List.of("direction", "line"));
        if (scope.all() && scope.filter().operators() == null) {
            return aggregateRows(period, daysUsable, keys, filter, null).asTable(DailyRollups.ROWS);
        }
        CallOperatorRows team = hourly.callOperators();
        Set<String> queues = scope.all() ? Set.of() : team.queues(dsl, period, scope);
        Table<?> calls = team.calls(period, scope, queues, scope.filter().operators() == null);
        if (scope.filter().operators() != null || queues.isEmpty()) {
            return DSL.select(select(calls, columns)).from(calls).asTable(DailyRollups.ROWS);
        }
        return aggregateRows(period, daysUsable, keys, filter,
                DailyRollups.column("queue", String.class).in(queues))
                .unionAll(DSL.select(select(calls, columns)).from(calls))
                .asTable(DailyRollups.ROWS);
    }

    /** The inbound figures' counts, as the hourly and daily rows and the per-call operator rows name them. */
    private static final List<String> COUNTED = List.of("ended", "answered", "missed", "abandoned", "busy", "failed",
            "within_threshold", "short_abandons", "answer_wait_seconds", "longest_wait_seconds", "answered_known",
            "repeated");

    private org.jooq.SelectConditionStep<Record> aggregateRows(Period period, boolean daysUsable, List<String> keys,
                                                              Condition filter, Condition more) {
        Table<?> rows = hourly.daily().rows(DailyRollups.Rollup.CALLS, period, daysUsable, keys);
        List<String> columns = new ArrayList<>(List.of("queue"));
        columns.addAll(COUNTED);
        return DSL.select(select(rows, columns)).from(rows).where(filter, more == null ? DSL.noCondition() : more);
    }

    /** {@code at} and {@code columns} of {@code table}, in this order. */
    private static List<Field<?>> select(Table<?> table, List<String> columns) {
        List<Field<?>> fields = new ArrayList<>();
        fields.add(DSL.field(DSL.name(table.getName(), DailyRollups.AT), OffsetDateTime.class).as(DailyRollups.AT));
        columns.forEach(name -> fields.add(DSL.field(DSL.name(table.getName(), name)).as(name)));
        return fields;
    }

    /**
     * The figures of the inbound calls that started in {@code period} and fall in {@code scope}.
     *
     * @param now the moment the figures are for: an open card's wrap-up counts once it has run past the cap
     */
    public InboundFigures inbound(Period period, StatsScope scope, Instant now) {
        InboundCounters none = InboundCounters.none(settings.serviceLevelSeconds());
        if (scope.isEmpty()) {
            return new InboundFigures(none, Map.of());
        }
        Condition calls = counted(period, scope);
        Table<?> kept = rows(period, scope, true);
        boolean fromHours = kept != null;
        Map<String, Double> handling = fromHours ? averageHandlingFromHours(period, scope, now)
                : averageHandling(calls, scope, now);
        Field<String> keptQueue = DailyRollups.column("queue", String.class);
        Field<Integer> whole = DSL.grouping(fromHours ? keptQueue : CALLS.QUEUE);
        InboundCounters whole_ = none;
        Map<String, InboundCounters> byQueue = new HashMap<>();
        List<? extends Record> rows = fromHours
                ? dsl.select(hourlyFigures()).select(whole, keptQueue)
                        .from(kept)
                        .groupBy(DSL.groupingSets(new Field<?>[] {keptQueue}, new Field<?>[] {}))
                        .having(whole.eq(1).or(DSL.sum(ENDED).gt(BigDecimal.ZERO)))
                        .fetch()
                : dsl.select(figures()).select(whole, CALLS.QUEUE)
                        .from(CALLS)
                        .where(calls)
                        .groupBy(DSL.groupingSets(new Field<?>[] {CALLS.QUEUE}, new Field<?>[] {}))
                        .fetch();
        for (Record row : rows) {
            boolean isWhole = row.get(whole) == 1;
            String queue = row.get(fromHours ? keptQueue : CALLS.QUEUE);
            InboundCounters counters = counters(row, handling.get(isWhole ? null : queue));
            if (isWhole) {
                whole_ = counters;
            } else if (queue != null) {
                byQueue.put(queue, counters);
            }
        }
        return new InboundFigures(whole_, byQueue);
    }

    /**
     * The figures of each stretch between consecutive {@code boundaries} (the first to the last), in one query;
     * without handle time.
     */
    public List<InboundCounters> between(List<Instant> boundaries, StatsScope scope) {
        int buckets = boundaries.size() - 1;
        List<InboundCounters> result = new ArrayList<>(Collections.nCopies(Math.max(buckets, 0),
                InboundCounters.none(settings.serviceLevelSeconds())));
        if (buckets <= 0 || scope.isEmpty()) {
            return result;
        }
        Period period = new Period(boundaries.getFirst(), boundaries.getLast());
        if (HourlyAggregates.wholeHours(boundaries)) {
            Table<?> kept = rows(period, scope, hourly != null && hourly.daily().dayStarts(boundaries));
            if (kept != null) {
                return betweenFromHours(boundaries, kept, result);
            }
        }
        Field<Integer> bucket = TimelineBuckets.stretchOf(CALLS.STARTED_AT, boundaries).as("bucket");
        List<? extends Record> rows = dsl.select(figures()).select(bucket)
                        .from(CALLS)
                        .where(counted(period, scope))
                        .groupBy(DSL.field(DSL.name("bucket")))
                        .fetch();
        for (Record row : rows) {
            int index = row.get(bucket) - 1;
            if (index >= 0 && index < buckets) {
                result.set(index, counters(row, null));
            }
        }
        return result;
    }

    /** The figures of each line (see {@link StatsFilter#lineOf}) with an inbound call in the period, busiest first. */
    public List<LineFigures> lines(Period period, StatsScope scope) {
        if (scope.isEmpty()) {
            return List.of();
        }
        Field<String> line = StatsFilter.lineOf(CALLS).as("line");
        Field<String> source = DSL.max(CALLS.LINE_SOURCE).as("source");
        Field<Integer> total = DSL.field(DSL.name("total"), Integer.class);
        List<LineFigures> lines = new ArrayList<>();
        for (Record row : dsl.select(figures()).select(line, source)
                .from(CALLS)
                .where(counted(period, scope))
                .groupBy(DSL.field(DSL.name("line")))
                .orderBy(total.desc(), DSL.field(DSL.name("line")))
                .fetch()) {
            InboundCounters c = counters(row, null);
            lines.add(new LineFigures(row.get(line), row.get(source), c.total(), c.answered(), c.missed(),
                    c.abandoned(), c.acceptanceRate(), c.asaSeconds(), c.serviceLevel(),
                    c.serviceLevelThresholdSeconds()));
        }
        return lines;
    }

    /**
     * Repeat callers: of the answered inbound calls in the period and scope from a known number, those whose number
     * called in again (any inbound call, whatever its line or outcome) within 24 hours of their start.
     */
    public RepeatCallers repeatCallers(Period period, StatsScope scope) {
        if (scope.isEmpty()) {
            return new RepeatCallers(0, 0, null);
        }
        Table<?> kept = rows(period, scope, true);
        if (kept != null) {
            Record sums = dsl.select(total(DailyRollups.column("answered_known", Long.class)),
                    total(DailyRollups.column("repeated", Long.class))).from(kept).fetchOne();
            long known = sums.get(0, Long.class);
            long repeated = sums.get(1, Long.class);
            return new RepeatCallers(known, repeated, share(repeated, known));
        }
        Calls again = CALLS.as("again");
        Condition calledAgain = DSL.exists(DSL.selectOne().from(again)
                .where(again.CALLER_NORMALIZED.eq(CALLS.CALLER_NORMALIZED),
                        again.DIRECTION.eq(CallDirection.INBOUND.wireName()),
                        again.STARTED_AT.gt(CALLS.STARTED_AT),
                        again.STARTED_AT.le(DSL.field("{0} + interval '24 hours'", OffsetDateTime.class,
                                CALLS.STARTED_AT))));
        Field<Integer> answered = DSL.count();
        Field<Integer> repeated = DSL.count().filterWhere(calledAgain);
        Record row = dsl.select(answered, repeated)
                .from(CALLS)
                .where(inPeriod(CALLS, period), inScope(scope, period), CALLS.DISPOSITION.eq(ANSWERED),
                        CALLS.CALLER_NORMALIZED.isNotNull())
                .fetchOne();
        long all = row.get(answered);
        long again_ = row.get(repeated);
        return new RepeatCallers(all, again_, share(again_, all));
    }

    /**
     * {@link #between} from the hourly rows: one sum per hour, each added to its stretch here (a bucket expression
     * over hundreds of boundaries would cost more per row than the sum itself).
     */
    private List<InboundCounters> betweenFromHours(List<Instant> boundaries, Table<?> kept,
                                                   List<InboundCounters> result) {
        Field<Double> waitSum = DSL.sum(WAIT_SECONDS).cast(Double.class);
        Field<Double> longest = DSL.max(LONGEST);
        List<Field<Long>> counts = List.of(total(ENDED), total(column("answered")), total(column("missed")),
                total(column("abandoned")), total(column("busy")), total(column("failed")),
                total(column("within_threshold")), total(column("short_abandons")));
        int buckets = result.size();
        long[][] sums = new long[buckets][counts.size()];
        double[] waits = new double[buckets];
        Double[] longests = new Double[buckets];
        boolean[] any = new boolean[buckets];
        for (Record row : dsl.select(counts).select(waitSum, longest, AT)
                .from(kept).groupBy(AT).fetch()) {
            int found = java.util.Collections.binarySearch(boundaries, row.get(AT).toInstant());
            int index = found >= 0 ? found : -found - 2;
            if (index < 0 || index >= buckets) {
                continue;
            }
            any[index] = true;
            for (int i = 0; i < counts.size(); i++) {
                sums[index][i] += row.get(counts.get(i));
            }
            waits[index] += row.get(waitSum) == null ? 0 : row.get(waitSum);
            Double hourLongest = row.get(longest);
            if (hourLongest != null && (longests[index] == null || hourLongest > longests[index])) {
                longests[index] = hourLongest;
            }
        }
        for (int b = 0; b < buckets; b++) {
            long[] c = sums[b];
            if (any[b] && c[0] > 0) {
                result.set(b, counters(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
                        c[1] == 0 ? null : waits[b] / c[1], null, longests[b]));
            }
        }
        return result;
    }

    private static final Field<OffsetDateTime> AT = DailyRollups.column(DailyRollups.AT, OffsetDateTime.class);
    private static final Field<Long> ENDED = column("ended");
    private static final Field<Double> WAIT_SECONDS = DailyRollups.column("answer_wait_seconds", Double.class);
    private static final Field<Double> LONGEST = DailyRollups.column("longest_wait_seconds", Double.class);

    private static Field<Long> column(String name) {
        return DailyRollups.column(name, Long.class);
    }

    /** The same figures as {@link #figures()}, added up from the kept rows. */
    private static List<Field<?>> hourlyFigures() {
        Field<Long> answered = total(column("answered"));
        return List.of(
                total(ENDED).as("total"),
                answered.as("answered"),
                total(column("missed")).as("missed"),
                total(column("abandoned")).as("abandoned"),
                total(column("busy")).as("busy"),
                total(column("failed")).as("failed"),
                total(column("within_threshold")).as("within_threshold"),
                total(column("short_abandons")).as("short_abandons"),
                DSL.sum(WAIT_SECONDS).cast(Double.class).div(DSL.nullif(answered, 0L)).as("asa"),
                DSL.max(LONGEST).as("longest"));
    }

    private static Field<Long> total(Field<Long> column) {
        return DSL.coalesce(DSL.sum(column).cast(Long.class), 0L);
    }

    /**
     * {@link #averageHandling} from the hourly rows: the parts whose card was finished are in them; those still open
     * past the cap are counted from the offers (few: a partial index finds them).
     */
    private Map<String, Double> averageHandlingFromHours(Period period, StatsScope scope, Instant now) {
        Map<String, long[]> sums = new HashMap<>();
        Field<String> byQueue = DailyRollups.column("queue", String.class);
        Field<Long> handled = column("handled");
        Field<Long> handledMs = column("handled_ms");
        Field<Integer> whole = DSL.grouping(byQueue);
        List<org.jooq.Select<? extends Record>> sources = new ArrayList<>();
        Set<String> queues = Set.of();
        boolean everyone = scope.all() && scope.filter().operators() == null;
        if (!scope.all()) {
            queues = hourly.callOperators().queues(dsl, period, scope);
        }
        if (everyone || (scope.filter().operators() == null && !queues.isEmpty())) {
            // the parts of every operator: by queue from the daily rows (no line there) or the hourly ones
            boolean byLine = scope.filter().line() != null;
            List<String> columns = byLine
                    ? List.of("direction", "queue", "call_ended", "handled", "handled_ms", "line")
                    : List.of("direction", "queue", "call_ended", "handled", "handled_ms");
            Table<?> rows = hourly.daily().rows(DailyRollups.Rollup.QUEUE_PARTS, period, !byLine, columns);
            Condition kept = DSL.field(DSL.name(rows.getName(), "direction"), String.class)
                    .eq(CallDirection.INBOUND.wireName())
                    .and(DSL.field(DSL.name(rows.getName(), "call_ended"), Boolean.class).isTrue())
                    .and(scope.filter().hours(DSL.field(DSL.name(rows.getName(), "direction"), String.class),
                            byLine ? DSL.field(DSL.name(rows.getName(), "line"), String.class) : DSL.inline((String) null),
                            DSL.field(DSL.name(rows.getName(), "queue"), String.class)));
            if (!everyone) {
                kept = kept.and(DSL.field(DSL.name(rows.getName(), "queue"), String.class).in(queues));
            }
            sources.add(DSL.select(select(rows, List.of("queue", "handled", "handled_ms"))).from(rows).where(kept));
        }
        if (!everyone) {
            boolean own = scope.filter().operators() != null;
            Table<?> calls = hourly.callOperators().calls(period, scope, queues, !own);
            sources.add(DSL.select(DSL.field(DSL.name(calls.getName(), DailyRollups.AT)).as(DailyRollups.AT),
                            DSL.field(DSL.name(calls.getName(), "queue")).as("queue"),
                            DSL.field(DSL.name(calls.getName(), own ? "own_handled" : "handled")).as("handled"),
                            DSL.field(DSL.name(calls.getName(), own ? "own_handled_ms" : "handled_ms"))
                                    .as("handled_ms"))
                    .from(calls));
        }
        org.jooq.Select<? extends Record> union = sources.getFirst();
        for (int i = 1; i < sources.size(); i++) {
            union = union.unionAll((org.jooq.Select) sources.get(i));
        }
        Table<?> rows = union.asTable(DailyRollups.ROWS);
        dsl.select(whole, byQueue, total(handledMs), total(handled))
                .from(rows)
                .groupBy(DSL.groupingSets(new Field<?>[] {byQueue}, new Field<?>[] {}))
                .fetch()
                .forEach(row -> add(sums, row.value1() == 1, row.value2(), row.value3(), row.value4()));
        long capMs = settings.wrapUpCap().toMillis();
        Field<Integer> wholeCalls = DSL.grouping(CALLS.QUEUE);
        List<Long> open = callsOpenPastTheCap(dsl, settings, now);
        (open.isEmpty() ? List.<org.jooq.Record4<Integer, String, Long, Long>>of() : dsl.select(wholeCalls, CALLS.QUEUE, total(CALL_OFFERS.TALK_MS.plus(DSL.inline(capMs))).as("ms"),
                        DSL.count().cast(Long.class))
                .from(CALL_OFFERS).join(CALLS).on(CALLS.ID.eq(CALL_OFFERS.CALL_ID))
                .where(CALLS.ID.in(open), inPeriod(CALLS, period), inScope(scope, period), scope.filter().parts(),
                        openPastTheCap(now), CALL_OFFERS.TALK_MS.isNotNull())
                .groupBy(DSL.groupingSets(new Field<?>[] {CALLS.QUEUE}, new Field<?>[] {}))
                .fetch())
                .forEach(row -> add(sums, row.value1() == 1, row.value2(), row.value3(), row.value4()));
        Map<String, Double> averages = new HashMap<>();
        sums.forEach((queue, sum) -> {
            if (sum[1] > 0) {
                averages.put(queue, sum[0] / 1000.0 / sum[1]);
            }
        });
        return averages;
    }

    /** Adds a group's sums: the whole period's under null; the calls of no queue count in the whole only. */
    private static void add(Map<String, long[]> sums, boolean whole, String queue, long ms, long parts) {
        if (!whole && queue == null) {
            return;
        }
        long[] sum = sums.computeIfAbsent(whole ? null : queue, q -> new long[2]);
        sum[0] += ms;
        sum[1] += parts;
    }

    /**
     * Answered parts whose card is still open and has been longer than the wrap-up cap: their wrap-up counts as the
     * cap from now on, so they are not in the hourly rows, which hold only what no longer changes with time.
     */
    private Condition openPastTheCap(Instant now) {
        return openPastTheCap(settings, now);
    }

    /**
     * The calls with an answered part open past the cap: few, and found by a partial index, so the questions about
     * such parts read these calls by id instead of joining a whole period's calls to the offers (a plan PostgreSQL
     * chose, as it cannot tell how few the open cards are: 30 ms a month at 1 million calls, ten times that at 10).
     */
    static List<Long> callsOpenPastTheCap(DSLContext dsl, StatsSettings settings, Instant now) {
        return dsl.selectDistinct(CALL_OFFERS.CALL_ID).from(CALL_OFFERS)
                .where(openPastTheCap(settings, now))
                .fetch(CALL_OFFERS.CALL_ID);
    }

    static Condition openPastTheCap(StatsSettings settings, Instant now) {
        return CALL_OFFERS.ANSWER_AT.isNotNull()
                .and(CALL_OFFERS.FINISHED_AT.isNull())
                .and(CALL_OFFERS.END_AT.le(utc(now.minus(settings.wrapUpCap()))));
    }

    /** Every inbound figure but handle time, over the rows of a group: the definitions. */
    private List<Field<?>> figures() {
        Field<Double> wait = answerWait();
        Field<Double> waitUntilEnd = secondsBetween(CALLS.STARTED_AT, CALLS.ENDED_AT);
        Field<Double> waited = waited();
        return List.of(
                DSL.count().as("total"),
                counted(CALLS.DISPOSITION.eq(ANSWERED)).as("answered"),
                counted(CALLS.DISPOSITION.eq(MISSED)).as("missed"),
                counted(CALLS.DISPOSITION.eq(ABANDONED)).as("abandoned"),
                counted(CALLS.DISPOSITION.eq(CallDisposition.BUSY.wireName())).as("busy"),
                counted(CALLS.DISPOSITION.eq(CallDisposition.FAILED.wireName())).as("failed"),
                counted(CALLS.DISPOSITION.eq(ANSWERED).and(wait.le((double) settings.serviceLevelSeconds())))
                        .as("within_threshold"),
                counted(CALLS.DISPOSITION.eq(ABANDONED)
                        .and(waitUntilEnd.lt((double) settings.shortAbandonSeconds()))).as("short_abandons"),
                DSL.avg(wait).filterWhere(CALLS.DISPOSITION.eq(ANSWERED)).cast(Double.class).as("asa"),
                DSL.max(waited).as("longest"));
    }

    /** How long an answered call waited for its answer, in seconds. */
    static Field<Double> answerWait() {
        return secondsBetween(CALLS.STARTED_AT, CALLS.ANSWERED_AT);
    }

    /**
     * How long a caller waited before being answered or giving up; null for the other outcomes. A missed call's wait
     * ends when the last phone stopped ringing, not when the call ended: a caller the PBX then sends to voicemail (or
     * an announcement) is no longer waiting for an operator while leaving a message.
     */
    static Field<Double> waited() {
        Field<OffsetDateTime> lastRingEnded = DSL.field(DSL.select(DSL.max(WAITED_OFFER.END_AT))
                .from(WAITED_OFFER).where(WAITED_OFFER.CALL_ID.eq(CALLS.ID)));
        return DSL.when(CALLS.DISPOSITION.eq(ANSWERED), answerWait())
                .when(CALLS.DISPOSITION.eq(MISSED), secondsBetween(CALLS.STARTED_AT,
                        DSL.least(CALLS.ENDED_AT, DSL.coalesce(lastRingEnded, CALLS.ENDED_AT))))
                .when(CALLS.DISPOSITION.eq(ABANDONED), secondsBetween(CALLS.STARTED_AT, CALLS.ENDED_AT));
    }

    private InboundCounters counters(Record row, Double aht) {
        return counters(row.get("total", Long.class), row.get("answered", Long.class), row.get("missed", Long.class),
                row.get("abandoned", Long.class), row.get("busy", Long.class), row.get("failed", Long.class),
                row.get("within_threshold", Long.class), row.get("short_abandons", Long.class),
                row.get("asa", Double.class), aht, row.get("longest", Double.class));
    }

    InboundCounters counters(long total, long answered, long missed, long abandoned, long busy, long failed,
                                     long withinThreshold, long shortAbandons, Double asa, Double aht,
                                     Double longest) {
        long heldAgainst = total - shortAbandons;
        return new InboundCounters(total, answered, missed, abandoned, busy, failed,
                share(answered, total), share(abandoned, total), asa, aht,
                share(withinThreshold, heldAgainst), settings.serviceLevelSeconds(),
                longest == null ? 0 : Math.round(longest));
    }

    /**
     * The average handle time over the whole period (key null) and per queue: talk plus capped wrap-up of every
     * answered part whose wrap-up is known — its card was finished, or it has been open longer than the cap.
     */
    private Map<String, Double> averageHandling(Condition calls, StatsScope scope, Instant now) {
        Field<Long> wrapUp = knownWrapUpMs(settings, now);
        Field<Double> handling = DSL.avg(CALL_OFFERS.TALK_MS.plus(wrapUp)).div(1000.0).cast(Double.class);
        Field<Integer> whole = DSL.grouping(CALLS.QUEUE);
        Map<String, Double> averages = new HashMap<>();
        dsl.select(whole, CALLS.QUEUE, handling)
                .from(CALL_OFFERS).join(CALLS).on(CALLS.ID.eq(CALL_OFFERS.CALL_ID))
                .where(calls, scope.filter().parts(), CALL_OFFERS.ANSWER_AT.isNotNull(),
                        CALL_OFFERS.END_AT.isNotNull(),
                        CALL_OFFERS.TALK_MS.isNotNull(), wrapUp.isNotNull())
                .groupBy(DSL.groupingSets(new Field<?>[] {CALLS.QUEUE}, new Field<?>[] {}))
                .fetch()
                .forEach(row -> {
                    if (row.get(whole) == 1) {
                        averages.put(null, row.get(handling));
                    } else if (row.get(CALLS.QUEUE) != null) {
                        averages.put(row.get(CALLS.QUEUE), row.get(handling));
                    }
                });
        return averages;
    }

    /**
     * A part's wrap-up in ms, capped, once it is known: its card was finished, or it has been open longer than the cap
     * (then the cap); null while it may still end under the cap.
     */
    static Field<Long> knownWrapUpMs(StatsSettings settings, Instant now) {
        long capMs = settings.wrapUpCap().toMillis();
        return DSL.when(CALL_OFFERS.FINISHED_AT.isNotNull(),
                        DSL.least(DSL.coalesce(CALL_OFFERS.WRAP_UP_MS, 0L), DSL.inline(capMs)))
                .when(CALL_OFFERS.END_AT.le(OffsetDateTime.ofInstant(now.minusMillis(capMs), ZoneOffset.UTC)),
                        DSL.inline(capMs));
    }

    static Condition inPeriod(Calls calls, Period period) {
        // a call counts once it has ended: while it rings or talks it has no outcome yet
        return calls.DIRECTION.eq(CallDirection.INBOUND.wireName())
                .and(calls.DISPOSITION.isNotNull())
                .and(calls.STARTED_AT.ge(utc(period.from())))
                .and(calls.STARTED_AT.lt(utc(period.to())));
    }

    /**
     * The inbound calls the figures of {@code period} count in {@code scope}: those that started in it and have ended,
     * of the scope.
     */
    static Condition counted(Period period, StatsScope scope) {
        return inPeriod(CALLS, period).and(inScope(scope, period));
    }

    /**
     * See {@link StatsScope}: rang one of the operators, or came through a queue named or served by them (in
     * {@code period}). Public for what a supervisor may act on, by the rule the lists show.
     */
    public static Condition inScope(StatsScope scope, Period period) {
        return teams(scope, period).and(scope.filter().calls(CALLS));
    }

    private static Condition teams(StatsScope scope, Period period) {
        if (scope.all()) {
            return DSL.trueCondition();
        }
        Condition rangTheirs = DSL.exists(DSL.selectOne().from(CALL_OFFERS)
                .where(CALL_OFFERS.CALL_ID.eq(CALLS.ID), CALL_OFFERS.USER_ID.in(scope.users())));
        Condition namedQueue = CALLS.QUEUE.in(scope.queues());
        Condition servedQueue = CALLS.QUEUE.in(DSL.selectDistinct(SERVED.QUEUE)
                .from(SERVED).join(SERVED_OFFER).on(SERVED_OFFER.CALL_ID.eq(SERVED.ID))
                .where(inPeriod(SERVED, period), SERVED.QUEUE.isNotNull(),
                        SERVED_OFFER.USER_ID.in(scope.users())));
        return DSL.or(rangTheirs, namedQueue, servedQueue);
    }

    private static Field<Integer> counted(Condition condition) {
        return DSL.count().filterWhere(condition);
    }

    /** Seconds from {@code from} to {@code to}, with their fractions. */
    static Field<Double> secondsBetween(Field<OffsetDateTime> from, Field<OffsetDateTime> to) {
        return DSL.field("extract(epoch from ({0} - {1}))", Double.class, to, from);
    }

    private static Double share(long part, long whole) {
        return whole <= 0 ? null : (double) part / whole;
    }

    static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
