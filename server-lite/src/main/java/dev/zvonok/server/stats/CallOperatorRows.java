package dev.zvonok.server.stats;

import static dev.zvonok.server.db.schema.Tables.CALLS;
import static dev.zvonok.server.db.schema.Tables.CALL_OFFERS;
import static dev.zvonok.server.db.schema.Tables.STATS_CALL_OPERATORS;

import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.server.db.schema.tables.StatsCallOperators;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * A team's figures without counting a call twice ({@code stats_call_operators}, V12): one row per call and operator it
 * involved (rang, or placed), each carrying the call's figures as 0 or 1. A supervisor's question reads the rows of
 * their operators and adds each call up once ({@link #calls}); the calls of the queues the team serves, which need not
 * have rung anyone of it, come from the hourly and daily rows by queue instead (see {@link StatsScope}).
 *
 * <p>Kept with the hourly rows: recomputed for each stale hour by the same refresh, from the calls and offers.
 */
final class CallOperatorRows {

    private static final StatsCallOperators ROWS = STATS_CALL_OPERATORS;
    private static final String ANSWERED = CallDisposition.ANSWERED.wireName();
    private static final String ABANDONED = CallDisposition.ABANDONED.wireName();
    private static final String INBOUND = CallDirection.INBOUND.wireName();

    /** The per-call figures of {@link #calls}, summed as the hourly rows' columns of the same names. */
    static final List<String> FIGURES = List.of("ended", "answered", "missed", "abandoned", "busy", "failed",
            "within_threshold", "short_abandons", "answer_wait_seconds", "longest_wait_seconds", "answered_known",
            "repeated", "handled", "handled_ms");

    private final StatsSettings settings;
    private final DailyRollups daily;

    CallOperatorRows(StatsSettings settings, DailyRollups daily) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.daily = Objects.requireNonNull(daily, "daily");
    }

    /** Recomputes the rows of the calls that started in the stale hours. */
    void recompute(DSLContext tx, OffsetDateTime[] stale, Condition callsInStaleHours) {
        tx.deleteFrom(ROWS).where(ROWS.HOUR.eq(DSL.any(stale))).execute();
        insert(tx, callsInStaleHours);
    }

    /** The rows of every call, into an empty table ({@code stats rebuild}). */
    void insertAll(DSLContext tx) {
        insert(tx, null);
    }

    /** Inserts the rows of the calls {@code callsIn} keeps; null: of every call, without reading the calls twice. */
    private void insert(DSLContext tx, Condition callsIn) {
        long capMs = settings.wrapUpCap().toMillis();
        Field<Long> wrap = DSL.least(DSL.coalesce(CALL_OFFERS.WRAP_UP_MS, 0L), DSL.inline(capMs));
        Condition handled = CALL_OFFERS.ANSWER_AT.isNotNull().and(CALL_OFFERS.FINISHED_AT.isNotNull())
                .and(CALL_OFFERS.END_AT.isNotNull()).and(CALL_OFFERS.TALK_MS.isNotNull());
        Field<Long> handledMs = CALL_OFFERS.TALK_MS.plus(wrap);
        // who each call involved, and their own parts' handle time
        Table<?> involved = DSL.select(CALL_OFFERS.CALL_ID.as("call_id"), CALL_OFFERS.USER_ID.as("user_id"),
                        DSL.inline(true).as("rang"), DSL.inline(false).as("placed"),
                        DSL.when(handled, 1L).else_(0L).as("own_handled"),
                        DSL.when(handled, handledMs).else_(0L).as("own_handled_ms"))
                .from(offersOf(callsIn))
                .where(DSL.and(conditionOrNone(callsIn), CALL_OFFERS.USER_ID.isNotNull()))
                .unionAll(DSL.select(CALLS.ID, CALLS.CALLER_USER_ID, DSL.inline(false), DSL.inline(true),
                                DSL.inline(0L), DSL.inline(0L))
                        .from(CALLS)
                        .where(conditionOrNone(callsIn), CALLS.CALLER_USER_ID.isNotNull()))
                .asTable("involved");
        Field<Long> callId = involved.field("call_id", Long.class);
        Field<Long> userId = involved.field("user_id", Long.class);
        Table<?> who = DSL.select(callId, userId,
                        DSL.boolOr(involved.field("rang", Boolean.class)).as("rang"),
                        DSL.boolOr(involved.field("placed", Boolean.class)).as("placed"),
                        DSL.sum(involved.field("own_handled", Long.class)).cast(Long.class).as("own_handled"),
                        DSL.sum(involved.field("own_handled_ms", Long.class)).cast(Long.class).as("own_handled_ms"))
                .from(involved).groupBy(callId, userId).asTable("who");
        Table<?> parts = DSL.select(CALL_OFFERS.CALL_ID.as("call_id"),
                        DSL.count().filterWhere(handled).cast(Long.class).as("handled"),
                        DSL.coalesce(DSL.sum(handledMs).filterWhere(handled).cast(Long.class), 0L).as("handled_ms"))
                .from(offersOf(callsIn))
                .where(conditionOrNone(callsIn))
                .groupBy(CALL_OFFERS.CALL_ID).asTable("parts");
        Field<Double> wait = InboundStatistics.answerWait();
        Condition answered = CALLS.DISPOSITION.eq(ANSWERED);
        Condition known = answered.and(CALLS.CALLER_NORMALIZED.isNotNull());
        tx.insertInto(ROWS, ROWS.CALL_ID, ROWS.USER_ID, ROWS.STARTED_AT, ROWS.HOUR, ROWS.DIRECTION, ROWS.LINE,
                        ROWS.QUEUE, ROWS.RANG, ROWS.PLACED, ROWS.ENDED, ROWS.ANSWERED, ROWS.MISSED, ROWS.ABANDONED,
                        ROWS.BUSY, ROWS.FAILED, ROWS.WITHIN_THRESHOLD, ROWS.SHORT_ABANDONS, ROWS.ANSWER_WAIT_SECONDS,
                        ROWS.LONGEST_WAIT_SECONDS, ROWS.ANSWERED_KNOWN, ROWS.REPEATED, ROWS.HANDLED, ROWS.HANDLED_MS,
                        ROWS.OWN_HANDLED, ROWS.OWN_HANDLED_MS)
                .select(DSL.select(CALLS.ID, who.field("user_id", Long.class), CALLS.STARTED_AT,
                                HourlyAggregates.hourOf(CALLS.STARTED_AT), CALLS.DIRECTION, StatsFilter.lineOf(CALLS),
                                CALLS.QUEUE, who.field("rang", Boolean.class), who.field("placed", Boolean.class),
                                one(CALLS.DISPOSITION.isNotNull()), one(answered),
                                one(CALLS.DISPOSITION.eq(CallDisposition.MISSED.wireName())),
                                one(CALLS.DISPOSITION.eq(ABANDONED)),
                                one(CALLS.DISPOSITION.eq(CallDisposition.BUSY.wireName())),
                                one(CALLS.DISPOSITION.eq(CallDisposition.FAILED.wireName())),
                                one(answered.and(wait.le((double) settings.serviceLevelSeconds()))),
                                one(CALLS.DISPOSITION.eq(ABANDONED).and(InboundStatistics.secondsBetween(
                                        CALLS.STARTED_AT, CALLS.ENDED_AT).lt((double) settings.shortAbandonSeconds()))),
                                DSL.when(answered, wait).else_(0.0),
                                InboundStatistics.waited(),
                                one(known),
                                one(known.and(HourlyAggregates.calledAgainWithinADay())),
                                DSL.coalesce(parts.field("handled", Long.class), 0L),
                                DSL.coalesce(parts.field("handled_ms", Long.class), 0L),
                                who.field("own_handled", Long.class), who.field("own_handled_ms", Long.class))
                        .from(CALLS)
                        .join(who).on(who.field("call_id", Long.class).eq(CALLS.ID))
                        .leftJoin(parts).on(parts.field("call_id", Long.class).eq(CALLS.ID))
                        .where(conditionOrNone(callsIn)))
                .execute();
    }

    /** The offers, joined to their calls when only some calls' are read. */
    private static Table<?> offersOf(Condition callsIn) {
        return callsIn == null ? CALL_OFFERS : CALL_OFFERS.join(CALLS).on(CALLS.ID.eq(CALL_OFFERS.CALL_ID));
    }

    private static Condition conditionOrNone(Condition condition) {
        return condition == null ? DSL.noCondition() : condition;
    }

    private static Field<Integer> one(Condition condition) {
        return DSL.when(condition, 1).else_(0);
    }

    /**
     * The queues a scope counts whoever answered them: those it names and those one of its operators was rung from
     * by an inbound call of the period (see {@link StatsScope}).
     */
    Set<String> queues(DSLContext dsl, Period period, StatsScope scope) {
        Set<String> queues = new HashSet<>(scope.queues());
        if (HourlyAggregates.wholeHours(period)) {
            // from the operators' queues per day (and the hourly parts at the period's edges): an offer to one of
            // the operators is a part of theirs, a call with a disposition one whose parts count as ended
            Table<?> rows = daily.rows(DailyRollups.Rollup.OPERATOR_QUEUES, period, true,
                    List.of("direction", "user_id", "queue", "call_ended"));
            Field<String> queue = DailyRollups.column("queue", String.class);
            queues.addAll(dsl.selectDistinct(queue).from(rows)
                    .where(DailyRollups.column("user_id", Long.class).in(scope.users()),
                            DailyRollups.column("direction", String.class).eq(INBOUND),
                            DailyRollups.column("call_ended", Boolean.class).isTrue(), queue.isNotNull())
                    .fetch(queue));
            return queues;
        }
        queues.addAll(dsl.selectDistinct(ROWS.QUEUE).from(ROWS)
                .where(ROWS.USER_ID.in(scope.users()), inPeriod(period), ROWS.RANG.isTrue(),
                        ROWS.DIRECTION.eq(INBOUND), ROWS.ENDED.eq(1), ROWS.QUEUE.isNotNull())
                .fetch(ROWS.QUEUE));
        return queues;
    }

    /**
     * One row per call of the period that {@code scope} counts and its filter keeps, with the call's figures
     * ({@link #FIGURES}, {@code hour}, {@code direction}, {@code queue}, and {@code own_handled(_ms)}: the filter's
     * operators' parts).
     *
     * @param queues    for the inbound figures, the scope's queues ({@link #queues}): their calls count whoever they
     *                  rang; null for the other directions, where a scope counts the calls its operators took part in
     * @param skipQueues leave out the calls of {@code queues}: counted from the hourly or daily rows by queue instead
     */
    Table<?> calls(Period period, StatsScope scope, Set<String> queues, boolean skipQueues) {
        // the inbound figures count the calls that ended; the others every outbound and internal call
        Condition direction = queues == null
                ? ROWS.DIRECTION.in(CallDirection.OUTBOUND.wireName(), CallDirection.INTERNAL.wireName())
                : ROWS.DIRECTION.eq(INBOUND).and(ROWS.ENDED.eq(1));
        StatsFilter filter = scope.filter();
        Set<Long> operators = filter.operators();
        // a filter's operators within the scope (the routes refuse others): the calls they took part in are those of
        // their own rows, and every row of a call carries the call's figures, so only their rows are read — not the
        // whole scope's, grouped per call and then mostly dropped (a team of 10: ten times the rows for one operator)
        boolean ownRowsOnly = operators != null && !operators.isEmpty()
                && (scope.all() || scope.users().containsAll(operators));
        Set<Long> read = new HashSet<>();
        if (!scope.all() && !ownRowsOnly) {
            read.addAll(scope.users());
        }
        if (operators != null) {
            read.addAll(operators);
        }
        Condition rows = inPeriod(period).and(direction)
                .and(filter.hours(ROWS.DIRECTION, ROWS.LINE, ROWS.QUEUE));
        if (!read.isEmpty()) {
            rows = rows.and(ROWS.USER_ID.in(read));
        }
        Condition inQueues = queues == null || queues.isEmpty() ? DSL.falseCondition() : ROWS.QUEUE.in(queues);
        if (skipQueues && queues != null && !queues.isEmpty()) {
            rows = rows.and(ROWS.QUEUE.isNull().or(ROWS.QUEUE.notIn(queues)));
        }
        Condition theirs = queues == null ? ROWS.USER_ID.in(scope.users())
                : ROWS.USER_ID.in(scope.users()).and(ROWS.RANG.isTrue());
        List<Condition> having = new ArrayList<>();
        if (!scope.all()) {
            Condition rangTheirs = DSL.boolOr(theirs).isTrue();
            if (ownRowsOnly && queues != null) {
                // an inbound call one of them placed rather than was rung by: whether it rang somebody else of the
                // scope is in rows not read, and in the offers (last, so asked only of such calls)
                rangTheirs = rangTheirs.or(DSL.exists(DSL.selectOne().from(CALL_OFFERS)
                        .where(CALL_OFFERS.CALL_ID.eq(ROWS.CALL_ID), CALL_OFFERS.USER_ID.in(scope.users()))));
            }
            having.add(DSL.or(rangTheirs, DSL.boolOr(inQueues).isTrue()));
        }
        Field<Long> ownHandled = DSL.inline(0L);
        Field<Long> ownHandledMs = DSL.inline(0L);
        if (operators != null) {
            having.add(DSL.boolOr(ROWS.USER_ID.in(operators)).isTrue());
            ownHandled = DSL.coalesce(DSL.sum(ROWS.OWN_HANDLED).filterWhere(ROWS.USER_ID.in(operators))
                    .cast(Long.class), 0L);
            ownHandledMs = DSL.coalesce(DSL.sum(ROWS.OWN_HANDLED_MS).filterWhere(ROWS.USER_ID.in(operators))
                    .cast(Long.class), 0L);
        }
        List<Field<?>> fields = new ArrayList<>();
        fields.add(ROWS.CALL_ID);
        fields.add(DSL.min(ROWS.HOUR).as("at"));
        fields.add(DSL.min(ROWS.DIRECTION).as("direction"));
        fields.add(DSL.min(ROWS.QUEUE).as("queue"));
        for (String figure : FIGURES) {
            fields.add(DSL.max(ROWS.field(figure)).as(figure));
        }
        fields.add(ownHandled.as("own_handled"));
        fields.add(ownHandledMs.as("own_handled_ms"));
        return DSL.select(fields).from(ROWS).where(rows).groupBy(ROWS.CALL_ID)
                .having(having.isEmpty() ? DSL.noCondition() : DSL.and(having))
                .asTable(DailyRollups.ROWS);
    }

    private static Condition inPeriod(Period period) {
        return ROWS.STARTED_AT.ge(InboundStatistics.utc(period.from()))
                .and(ROWS.STARTED_AT.lt(InboundStatistics.utc(period.to())));
    }
}
