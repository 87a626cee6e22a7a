package dev.zvonok.server.stats;

import static dev.zvonok.server.db.schema.Tables.CALLS;
import static dev.zvonok.server.db.schema.Tables.CALL_OFFERS;
import static dev.zvonok.server.db.schema.Tables.STATS_CALL_OPERATORS;
import static dev.zvonok.server.db.schema.Tables.STATS_DAY_CALLS;
import static dev.zvonok.server.db.schema.Tables.STATS_DAY_OPERATOR_QUEUES;
import static dev.zvonok.server.db.schema.Tables.STATS_DAY_PARTS;
import static dev.zvonok.server.db.schema.Tables.STATS_DAY_QUEUE_PARTS;
import static dev.zvonok.server.db.schema.Tables.STATS_HOUR_CALLS;
import static dev.zvonok.server.db.schema.Tables.STATS_HOUR_PARTS;
import static dev.zvonok.server.db.schema.Tables.STATS_HOUR_SETTINGS;
import static dev.zvonok.server.db.schema.Tables.STATS_HOUR_STALE;

import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.call.OfferResult;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Keeps the hourly statistics ({@code stats_hour_calls}, {@code stats_hour_parts}; see the V8 migration) equal to the
 * calls: the database's triggers mark the hour of every changed call or offer stale, in the writer's transaction;
 * {@link #refresh()} recomputes each stale hour from the calls, whole, with the same definitions as
 * {@link InboundStatistics} and {@link OperatorStatistics}. Recomputing an hour twice gives the same rows, so a refresh
 * may run at any time, as often as wanted; readers run one before they read.
 *
 * <p>The service level's threshold, the short-abandon time and the wrap-up cap are counted into the rows: the rows
 * are exact for the settings they were computed for ({@code stats_hour_settings}), and {@link #adopt} recomputes
 * every hour when those change.
 */
public final class HourlyAggregates {

    /** The advisory lock that makes refreshes take turns: two at once would both insert an hour's rows. */
    private static final long LOCK = 0x5A564F4E4F4B4831L;
    private static final String ANSWERED = CallDisposition.ANSWERED.wireName();
    private static final String ABANDONED = CallDisposition.ABANDONED.wireName();
    /** PostgreSQL's "lock_not_available": a lock not had within {@code lock_timeout}. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final DSLContext dsl;
    private final StatsSettings settings;
    private final DailyRollups daily;
    private final CallOperatorRows callOperators;

    public HourlyAggregates(DSLContext dsl, StatsSettings settings) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.daily = new DailyRollups(new BusinessDays(settings));
        this.callOperators = new CallOperatorRows(settings, daily);
    }

    /** The daily roll-ups of these rows, for the readers. */
    DailyRollups daily() {
        return daily;
    }

    /** The per-call operator rows kept with these rows, for the readers. */
    CallOperatorRows callOperators() {
        return callOperators;
    }

    /** A call's number called in again within 24 hours of its start (repeat callers; V12's next_inbound_at). */
    static Condition calledAgainWithinADay() {
        return CALLS.NEXT_INBOUND_AT.le(DSL.field("{0} + interval '24 hours'", OffsetDateTime.class,
                CALLS.STARTED_AT));
    }

    /**
     * True when every moment is the start of a whole UTC hour: then the stretches between them are unions of hourly
     * rows. The call centre's days and hours are, in a zone with a whole-hour offset and a day boundary on the hour.
     */
    public static boolean wholeHours(List<Instant> moments) {
        return moments.stream().allMatch(at -> at.getEpochSecond() % 3600 == 0 && at.getNano() == 0);
    }

    static boolean wholeHours(Period period) {
        return wholeHours(List.of(period.from(), period.to()));
    }

    /** The UTC hour a moment falls in: what the rows are kept by. */
    static Field<OffsetDateTime> hourOf(Field<OffsetDateTime> at) {
        return DSL.field("date_trunc('hour', {0}, 'UTC')", OffsetDateTime.class, at);
    }

    /**
     * Makes the rows those of these settings: when they were computed for another service level, short-abandon time,
     * wrap-up cap, zone or day boundary (or none yet, as after an upgrade), every row is recomputed now.
     *
     * @return true when every hour had to be recomputed
     */
    public boolean adopt() {
        return dsl.transactionResult(configuration -> {
            DSLContext tx = DSL.using(configuration);
            lock(tx);
            if (adopted(tx)) {
                return false;
            }
            forgetStaleHours();
            recomputeEverything(tx);
            return true;
        });
    }

    /** Whether the rows were computed for these settings: else {@link #adopt} recomputes all of them. */
    public boolean adopted() {
        return adopted(dsl);
    }

    private boolean adopted(DSLContext tx) {
        Record stored = tx.selectFrom(STATS_HOUR_SETTINGS).where(STATS_HOUR_SETTINGS.ID.eq(1)).fetchOne();
        long capMs = settings.wrapUpCap().toMillis();
        return stored != null && stored.get(STATS_HOUR_SETTINGS.SERVICE_LEVEL_SECONDS) == settings.serviceLevelSeconds()
                && stored.get(STATS_HOUR_SETTINGS.SHORT_ABANDON_SECONDS) == settings.shortAbandonSeconds()
                && stored.get(STATS_HOUR_SETTINGS.WRAP_UP_CAP_MS) == capMs
                && settings.zone().getId().equals(stored.get(STATS_HOUR_SETTINGS.ZONE))
                && settings.dayStartsAt().equals(stored.get(STATS_HOUR_SETTINGS.DAY_STARTS_AT));
    }

    private void storeSettings(DSLContext tx) {
        long capMs = settings.wrapUpCap().toMillis();
        tx.insertInto(STATS_HOUR_SETTINGS)
                .set(STATS_HOUR_SETTINGS.ID, 1)
                .set(STATS_HOUR_SETTINGS.SERVICE_LEVEL_SECONDS, settings.serviceLevelSeconds())
                .set(STATS_HOUR_SETTINGS.SHORT_ABANDON_SECONDS, settings.shortAbandonSeconds())
                .set(STATS_HOUR_SETTINGS.WRAP_UP_CAP_MS, capMs)
                .set(STATS_HOUR_SETTINGS.ZONE, settings.zone().getId())
                .set(STATS_HOUR_SETTINGS.DAY_STARTS_AT, settings.dayStartsAt())
                .onConflict(STATS_HOUR_SETTINGS.ID).doUpdate()
                .set(STATS_HOUR_SETTINGS.SERVICE_LEVEL_SECONDS, settings.serviceLevelSeconds())
                .set(STATS_HOUR_SETTINGS.SHORT_ABANDON_SECONDS, settings.shortAbandonSeconds())
                .set(STATS_HOUR_SETTINGS.WRAP_UP_CAP_MS, capMs)
                .set(STATS_HOUR_SETTINGS.ZONE, settings.zone().getId())
                .set(STATS_HOUR_SETTINGS.DAY_STARTS_AT, settings.dayStartsAt())
                .execute();
    }

    /**
     * Recomputes every hour from the calls: {@code server-lite stats rebuild}. Returns the hours recomputed. The
     * calls' kept facts ({@code reached_at}, {@code next_inbound_at}; V12) are recomputed first, as the rows count
     * them.
     */
    public int rebuild() {
        dsl.fetchValue("select calls_keep_all()");
        return dsl.transactionResult(configuration -> {
            DSLContext tx = DSL.using(configuration);
            lock(tx);
            forgetStaleHours();
            return recomputeEverything(tx);
        });
    }

    /**
     * Deletes every stale mark in a transaction of its own, committed before the recompute reads a call (the caller
     * holds the refreshes' lock, so no refresh runs in between): every hour is about to be recomputed anyway, and a
     * call written from now on marks its hour again for the next refresh — after the recompute, whole, so counted once
     * whether the recompute saw it or not. Deleted inside the recompute's own transaction instead, the marks would hold
     * up every writer whose hour had one (its trigger's insert waits for that transaction to decide about the deleted
     * row): the recorder would stop for the whole recompute, minutes on years of calls.
     */
    private void forgetStaleHours() {
        dsl.deleteFrom(STATS_HOUR_STALE).execute();
    }

    /**
     * Every row from the calls, one statement per table over all the calls (a rebuild, other settings): the same
     * selects as a refresh, without the stale hours' condition. A refresh of every hour would give the same rows, but
     * PostgreSQL plans "the calls of these 10,000 hours" badly (minutes for 200,000 calls), and an upgrade or a
     * change of settings must not take that long on years of calls. Returns the hours the rows cover.
     */
    private int recomputeEverything(DSLContext tx) {
        // the whole history's groups: sorts and hashes in memory rather than in temporary files
        tx.execute("set local work_mem = '256MB'");
        tx.truncate(STATS_HOUR_CALLS).execute();
        tx.truncate(STATS_HOUR_PARTS).execute();
        tx.truncate(STATS_CALL_OPERATORS).execute();
        tx.truncate(STATS_DAY_CALLS).execute();
        tx.truncate(STATS_DAY_PARTS).execute();
        tx.truncate(STATS_DAY_QUEUE_PARTS).execute();
        tx.truncate(STATS_DAY_OPERATOR_QUEUES).execute();
        storeSettings(tx);
        insertCalls(tx, DSL.noCondition());
        insertParts(tx, DSL.noCondition());
        callOperators.insertAll(tx);
        // every call has its hour's row in stats_hour_calls
        List<OffsetDateTime> hours = tx.selectDistinct(STATS_HOUR_CALLS.HOUR).from(STATS_HOUR_CALLS)
                .fetch(STATS_HOUR_CALLS.HOUR);
        daily.recompute(tx, hours);
        return hours.size();
    }

    /** Recomputes the stale hours; returns how many there were. */
    public int refresh() {
        return dsl.transactionResult(configuration -> {
            DSLContext tx = DSL.using(configuration);
            lock(tx);
            return refreshLocked(tx);
        });
    }

    /** {@link #refresh} within a transaction that holds the lock. */
    private int refreshLocked(DSLContext tx) {
        List<OffsetDateTime> hours = tx.deleteFrom(STATS_HOUR_STALE).returning(STATS_HOUR_STALE.HOUR)
                .fetch(STATS_HOUR_STALE.HOUR);
        if (hours.isEmpty()) {
            return 0;
        }
        OffsetDateTime[] stale = hours.toArray(OffsetDateTime[]::new);
        tx.deleteFrom(STATS_HOUR_CALLS).where(STATS_HOUR_CALLS.HOUR.eq(DSL.any(stale))).execute();
        tx.deleteFrom(STATS_HOUR_PARTS).where(STATS_HOUR_PARTS.HOUR.eq(DSL.any(stale))).execute();
        Condition inStaleHours = inHours(hours, stale);
        insertCalls(tx, inStaleHours);
        insertParts(tx, inStaleHours);
        callOperators.recompute(tx, stale, inStaleHours);
        daily.recompute(tx, hours);
        return hours.size();
    }

    /**
     * How many calls there are, every one, from the kept rows (their {@code calls} column counts every call, ended or
     * not): the total of the unfiltered call list, which a {@code count(*)} would read 10 million calls for (~0.8 s).
     * Exact: the stale hours are recomputed first, under the lock. Empty when the rows cannot say it now — computed
     * for other settings (an upgrade or a change waiting for, or in, its recompute) or being recomputed (the lock not
     * free within a second): the caller then counts the calls.
     */
    public OptionalLong everyCall() {
        try {
            return dsl.transactionResult(configuration -> {
                DSLContext tx = DSL.using(configuration);
                // a short refresh is waited for; a recompute of every row (minutes) is not
                tx.execute("set local lock_timeout = '1s'");
                // ~50,000 daily rows summed by one process: parallel workers cost more to start (60 against 15 ms at
                // 1 million calls on 2 busy cores)
                tx.execute("set local max_parallel_workers_per_gather = 0");
                // rows for other settings (an upgrade, a change whose recompute runs in the background and holds the
                // lock): said at once, without waiting for the lock
                if (!adopted(tx)) {
                    return OptionalLong.empty();
                }
                lock(tx);
                if (!adopted(tx)) {
                    return OptionalLong.empty();
                }
                refreshLocked(tx);
                Record2<OffsetDateTime, OffsetDateTime> span = tx.select(DSL.min(STATS_HOUR_CALLS.HOUR),
                        DSL.max(STATS_HOUR_CALLS.HOUR)).from(STATS_HOUR_CALLS).fetchOne();
                if (span == null || span.value1() == null) {
                    return OptionalLong.of(0);
                }
                // the whole days from the daily rows, the hours at the edges (and of days that are not whole hours)
                // from the hourly ones
                Table<?> rows = daily.rows(DailyRollups.Rollup.CALLS,
                        new Period(span.value1().toInstant(), span.value2().toInstant().plusSeconds(3600)), true,
                        List.of("calls"));
                Long calls = tx.select(DSL.sum(DailyRollups.column("calls", Long.class)).cast(Long.class))
                        .from(rows).fetchOne(0, Long.class);
                return OptionalLong.of(calls == null ? 0 : calls);
            });
        } catch (DataAccessException e) {
            if (LOCK_NOT_AVAILABLE.equals(e.sqlState())) {
                return OptionalLong.empty();
            }
            throw e;
        }
    }

    /** The calls that started in one of {@code hours}: a range the index on started_at finds, then the hours. */
    private static Condition inHours(List<OffsetDateTime> hours, OffsetDateTime[] stale) {
        OffsetDateTime first = hours.stream().min(OffsetDateTime::compareTo).orElseThrow();
        OffsetDateTime last = hours.stream().max(OffsetDateTime::compareTo).orElseThrow();
        return CALLS.STARTED_AT.ge(first).and(CALLS.STARTED_AT.lt(last.plusHours(1)))
                .and(hourOf(CALLS.STARTED_AT).eq(DSL.any(stale)));
    }

    private void insertCalls(DSLContext tx, Condition inStaleHours) {
        Field<OffsetDateTime> hour = hourOf(CALLS.STARTED_AT);
        Field<String> line = StatsFilter.lineOf(CALLS);
        Field<Double> wait = InboundStatistics.answerWait();
        Condition answered = CALLS.DISPOSITION.eq(ANSWERED);
        Condition known = answered.and(CALLS.CALLER_NORMALIZED.isNotNull());
        tx.insertInto(STATS_HOUR_CALLS, STATS_HOUR_CALLS.HOUR, STATS_HOUR_CALLS.DIRECTION, STATS_HOUR_CALLS.LINE,
                        STATS_HOUR_CALLS.QUEUE, STATS_HOUR_CALLS.CALLS, STATS_HOUR_CALLS.ENDED,
                        STATS_HOUR_CALLS.ANSWERED, STATS_HOUR_CALLS.MISSED, STATS_HOUR_CALLS.ABANDONED,
                        STATS_HOUR_CALLS.BUSY, STATS_HOUR_CALLS.FAILED, STATS_HOUR_CALLS.WITHIN_THRESHOLD,
                        STATS_HOUR_CALLS.SHORT_ABANDONS, STATS_HOUR_CALLS.ANSWER_WAIT_SECONDS,
                        STATS_HOUR_CALLS.LONGEST_WAIT_SECONDS, STATS_HOUR_CALLS.ANSWERED_KNOWN,
                        STATS_HOUR_CALLS.REPEATED)
                .select(DSL.select(hour, CALLS.DIRECTION, line, CALLS.QUEUE,
                                count(DSL.trueCondition()),
                                count(CALLS.DISPOSITION.isNotNull()),
                                count(answered),
                                count(CALLS.DISPOSITION.eq(CallDisposition.MISSED.wireName())),
                                count(CALLS.DISPOSITION.eq(ABANDONED)),
                                count(CALLS.DISPOSITION.eq(CallDisposition.BUSY.wireName())),
                                count(CALLS.DISPOSITION.eq(CallDisposition.FAILED.wireName())),
                                count(answered.and(wait.le((double) settings.serviceLevelSeconds()))),
                                count(CALLS.DISPOSITION.eq(ABANDONED).and(InboundStatistics.secondsBetween(
                                        CALLS.STARTED_AT, CALLS.ENDED_AT).lt((double) settings.shortAbandonSeconds()))),
                                DSL.coalesce(DSL.sum(wait).filterWhere(answered).cast(Double.class), 0.0),
                                DSL.max(InboundStatistics.waited()),
                                count(known),
                                count(known.and(calledAgainWithinADay())))
                        .from(CALLS)
                        .where(inStaleHours)
                        .groupBy(hour, CALLS.DIRECTION, line, CALLS.QUEUE))
                .execute();
    }

    private void insertParts(DSLContext tx, Condition inStaleHours) {
        Field<OffsetDateTime> hour = hourOf(CALLS.STARTED_AT);
        Field<String> line = StatsFilter.lineOf(CALLS);
        Field<Boolean> ended = DSL.field(CALLS.DISPOSITION.isNotNull());
        Condition answered = CALL_OFFERS.ANSWER_AT.isNotNull();
        Condition wrapped = answered.and(CALL_OFFERS.FINISHED_AT.isNotNull());
        Condition handled = wrapped.and(CALL_OFFERS.END_AT.isNotNull()).and(CALL_OFFERS.TALK_MS.isNotNull());
        Field<Long> talk = DSL.coalesce(CALL_OFFERS.TALK_MS, 0L);
        Field<Long> wrap = DSL.least(DSL.coalesce(CALL_OFFERS.WRAP_UP_MS, 0L),
                DSL.inline(settings.wrapUpCap().toMillis()));
        tx.insertInto(STATS_HOUR_PARTS, STATS_HOUR_PARTS.HOUR, STATS_HOUR_PARTS.DIRECTION, STATS_HOUR_PARTS.LINE,
                        STATS_HOUR_PARTS.QUEUE, STATS_HOUR_PARTS.USER_ID, STATS_HOUR_PARTS.CALL_ENDED,
                        STATS_HOUR_PARTS.OFFERS, STATS_HOUR_PARTS.ANSWERED, STATS_HOUR_PARTS.MISSED,
                        STATS_HOUR_PARTS.ANSWERED_ELSEWHERE, STATS_HOUR_PARTS.TRANSFERS_IN,
                        STATS_HOUR_PARTS.TRANSFERS_OUT, STATS_HOUR_PARTS.TALK_MS, STATS_HOUR_PARTS.WRAPPED,
                        STATS_HOUR_PARTS.WRAPPED_TALK_MS, STATS_HOUR_PARTS.WRAP_MS, STATS_HOUR_PARTS.HANDLED,
                        STATS_HOUR_PARTS.HANDLED_MS, STATS_HOUR_PARTS.HOLD_MS)
                .select(DSL.select(hour, CALLS.DIRECTION, line, CALLS.QUEUE, CALL_OFFERS.USER_ID, ended,
                                count(DSL.trueCondition()),
                                count(answered),
                                count(CALL_OFFERS.RESULT.eq(OfferResult.MISSED.wireName())),
                                count(CALL_OFFERS.RESULT.eq(OfferResult.ANSWERED_ELSEWHERE.wireName())),
                                count(CALL_OFFERS.TRANSFERRED_FROM.isNotNull()),
                                count(CALL_OFFERS.TRANSFERRED_TO.isNotNull()
                                        .or(CALL_OFFERS.RESULT.eq(OfferResult.TRANSFERRED.wireName()))),
                                sum(talk, answered),
                                count(wrapped),
                                sum(talk, wrapped),
                                sum(wrap, wrapped),
                                count(handled),
                                sum(CALL_OFFERS.TALK_MS.plus(wrap), handled),
                                sum(DSL.coalesce(CALL_OFFERS.HOLD_MS, 0L), answered))
                        .from(CALL_OFFERS).join(CALLS).on(CALLS.ID.eq(CALL_OFFERS.CALL_ID))
                        .where(inStaleHours)
                        .groupBy(hour, CALLS.DIRECTION, line, CALLS.QUEUE, CALL_OFFERS.USER_ID, ended))
                .execute();
    }

    /** Takes the refreshes' lock till the end of {@code tx}'s transaction. */
    static void lock(DSLContext tx) {
        tx.execute("select pg_advisory_xact_lock(?)", LOCK);
    }

    private static Field<Long> count(Condition condition) {
        return DSL.count().filterWhere(condition).cast(Long.class);
    }

    private static Field<Long> sum(Field<Long> value, Condition condition) {
        return DSL.coalesce(DSL.sum(value).filterWhere(condition).cast(Long.class), 0L);
    }
}
