package dev.zvonok.server.stats;

import static dev.zvonok.server.db.schema.Tables.STATS_DAY_WORK;
import static dev.zvonok.server.db.schema.Tables.USERS;
import static dev.zvonok.server.db.schema.Tables.WORK_STATUS_LOG;

import dev.zvonok.model.board.WorkStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record4;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The operators' time in a period from the work-status log (V6): logged in (the app connected, available or on
 * break) and on break by reason. Each stretch counts only its part inside the period; one still open (the status
 * now) counts up to now, and nothing counts after now.
 *
 * <p>With the rows kept per business day ({@link WorkDays}, V14), the period's whole days are added up from them
 * and only its edges (a partial first and last day) and the stretches still open are read from the log: a month of
 * 1,000 operators is ~100,000 day rows instead of ~240,000 stretches. Every piece is summed in microseconds, the
 * log's precision, and turned into milliseconds once per operator, status and reason, so the answer is the log's to
 * the millisecond whichever way it was added up.
 */
final class WorkTime {

    private static final String BREAK = WorkStatus.BREAK.wireName();
    private static final String PIECES = "pieces";

    private final DSLContext dsl;
    private final WorkDays kept;

    /** Adds up the log itself. */
    WorkTime(DSLContext dsl) {
        this(dsl, null);
    }

    /** @param kept the rows kept per day, for the whole days of a period; null to add up the log itself */
    WorkTime(DSLContext dsl, WorkDays kept) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.kept = kept;
    }

    /** One operator's time in the period, in milliseconds. */
    record Of(long loggedInMs, long breakMs, Map<String, Long> breakMsByReason) {

        static final Of NONE = new Of(0, 0, Map.of());

        /** Logged in and not on break; the denominator of the occupancy. */
        long availableMs() {
            return loggedInMs - breakMs;
        }
    }

    /**
     * Every break reason with time in {@code time}, by code: each operator of one answer gets them all (0 where they
     * took none), so that a spreadsheet of the answer has the same columns in every row.
     */
    static Set<String> reasons(Map<Long, Of> time) {
        Set<String> reasons = new TreeSet<>();
        time.values().forEach(of -> reasons.addAll(of.breakMsByReason().keySet()));
        return reasons;
    }

    /** Per operator in scope with logged-in time in the period. */
    Map<Long, Of> of(Period period, StatsScope scope, Instant now) {
        Map<Long, Of> time = new HashMap<>();
        Instant until = period.to().isAfter(now) ? now : period.to();
        if (scope.isEmpty() || !until.isAfter(period.from())) {
            return time;
        }
        Optional<Period> days = Optional.empty();
        if (kept != null) {
            kept.adopt();
            days = kept.wholeDays(period.from(), until);
        }
        List<Select<Record4<Long, String, String, Long>>> pieces = new ArrayList<>();
        if (days.isEmpty()) {
            pieces.add(fromTheLog(period.from(), until, scope));
        } else {
            Period whole = days.get();
            if (whole.from().isAfter(period.from())) {
                pieces.add(fromTheLog(period.from(), whole.from(), scope));
            }
            pieces.add(keptDays(whole, scope));
            pieces.add(openIn(whole, scope));
            if (whole.to().isBefore(until)) {
                pieces.add(fromTheLog(whole.to(), until, scope));
            }
        }
        Select<Record4<Long, String, String, Long>> union = pieces.get(0);
        for (Select<Record4<Long, String, String, Long>> piece : pieces.subList(1, pieces.size())) {
            union = union.unionAll(piece);
        }
        Table<?> all = union.asTable(PIECES, "user_id", "status", "reason", "us");
        Field<Long> userId = all.field("user_id", Long.class);
        Field<String> status = all.field("status", String.class);
        Field<String> reason = all.field("reason", String.class);
        // the microseconds summed exactly (a bigint sum is a numeric), turned into milliseconds once per group
        Field<Long> ms = DSL.field("coalesce(round(sum({0}) / 1000), 0)", Long.class, all.field("us"));
        Map<Long, Map<String, Long>> reasons = new HashMap<>();
        Map<Long, long[]> totals = new HashMap<>();
        for (Record row : dsl.select(userId, status, reason, ms)
                .from(all)
                .groupBy(userId, status, reason)
                .orderBy(userId, reason)
                .fetch()) {
            long id = row.get(userId);
            long spent = Math.max(0, row.get(ms));
            long[] sums = totals.computeIfAbsent(id, u -> new long[2]);
            sums[0] += spent;
            if (BREAK.equals(row.get(status))) {
                sums[1] += spent;
                reasons.computeIfAbsent(id, u -> new LinkedHashMap<>()).merge(row.get(reason), spent, Long::sum);
            }
        }
        totals.forEach((user, sums) -> {
            if (sums[0] > 0) {
                time.put(user, new Of(sums[0], sums[1], reasons.getOrDefault(user, Map.of())));
            }
        });
        return time;
    }

    /** The microseconds of {@code [from, to)} from the log's stretches, per operator, status and reason. */
    private static Select<Record4<Long, String, String, Long>> fromTheLog(Instant periodFrom, Instant until,
                                                                              StatsScope scope) {
        OffsetDateTime from = InboundStatistics.utc(periodFrom);
        OffsetDateTime to = InboundStatistics.utc(until);
        Table<?> stretches = stretches(from, to, scope);
        Field<Long> userId = stretches.field(WORK_STATUS_LOG.USER_ID);
        Field<String> status = stretches.field(WORK_STATUS_LOG.STATUS);
        Field<String> reason = stretches.field(WORK_STATUS_LOG.REASON);
        Field<OffsetDateTime> start = DSL.greatest(stretches.field(WORK_STATUS_LOG.STARTED_AT), DSL.val(from));
        Field<OffsetDateTime> end = DSL.least(DSL.coalesce(stretches.field(WORK_STATUS_LOG.ENDED_AT), DSL.val(to)),
                DSL.val(to));
        // the intervals summed as intervals (exact), turned into a number once per group
        return DSL.select(userId, status, reason, microseconds(DSL.field("sum({0} - {1})", Object.class, end, start)))
                .from(stretches)
                .groupBy(userId, status, reason);
    }

    /**
     * The closed stretches' microseconds in the whole days of {@code days}, from their kept rows: as they are, for
     * the one grouping of every piece (grouping them here first would hash ~100,000 rows twice).
     */
    private static Select<Record4<Long, String, String, Long>> keptDays(Period days, StatsScope scope) {
        return DSL.select(STATS_DAY_WORK.USER_ID, STATS_DAY_WORK.STATUS, STATS_DAY_WORK.REASON,
                        STATS_DAY_WORK.SPENT_US)
                .from(STATS_DAY_WORK)
                .where(STATS_DAY_WORK.DAY.ge(InboundStatistics.utc(days.from())),
                        STATS_DAY_WORK.DAY.lt(InboundStatistics.utc(days.to())),
                        whose(STATS_DAY_WORK.USER_ID, scope));
    }

    /**
     * The stretches still open (at most one per operator; the day rows have only closed ones): their microseconds in
     * {@code days}, which end by now.
     */
    private static Select<Record4<Long, String, String, Long>> openIn(Period days, StatsScope scope) {
        OffsetDateTime from = InboundStatistics.utc(days.from());
        OffsetDateTime to = InboundStatistics.utc(days.to());
        Field<Object> spent = DSL.field("{0} - {1}", Object.class, DSL.val(to),
                DSL.greatest(WORK_STATUS_LOG.STARTED_AT, DSL.val(from)));
        return DSL.select(WORK_STATUS_LOG.USER_ID, WORK_STATUS_LOG.STATUS, WORK_STATUS_LOG.REASON,
                        microseconds(spent))
                .from(WORK_STATUS_LOG)
                .where(WORK_STATUS_LOG.ENDED_AT.isNull(), WORK_STATUS_LOG.STARTED_AT.lt(to),
                        whose(WORK_STATUS_LOG.USER_ID, scope));
    }

    /** An interval in whole microseconds (its precision), as a bigint: summed without numeric arithmetic. */
    private static Field<Long> microseconds(Field<?> interval) {
        return DSL.field("cast(extract(epoch from {0}) * 1000000 as bigint)", Long.class, interval);
    }

    /**
     * The stretches of the operators in scope that overlap {@code [from, to)}: those that started in it (a range of
     * the index on started_at), and per operator the last one that started before it, when it ended after its start
     * or is still open — one operator's stretches follow each other, so no other can reach into the period. Reading
     * "every stretch that ends after the start" instead would read every later stretch of a year's log.
     */
    private static Table<?> stretches(OffsetDateTime from, OffsetDateTime to, StatsScope scope) {
        Table<?> before = DSL.lateral(DSL.select(WORK_STATUS_LOG.STATUS, WORK_STATUS_LOG.REASON,
                        WORK_STATUS_LOG.STARTED_AT, WORK_STATUS_LOG.ENDED_AT)
                .from(WORK_STATUS_LOG)
                .where(WORK_STATUS_LOG.USER_ID.eq(USERS.ID), WORK_STATUS_LOG.STARTED_AT.lt(from))
                .orderBy(WORK_STATUS_LOG.STARTED_AT.desc())
                .limit(1)).as("before");
        Field<OffsetDateTime> beforeEnded = before.field(WORK_STATUS_LOG.ENDED_AT);
        return DSL.select(WORK_STATUS_LOG.USER_ID, WORK_STATUS_LOG.STATUS, WORK_STATUS_LOG.REASON,
                        WORK_STATUS_LOG.STARTED_AT, WORK_STATUS_LOG.ENDED_AT)
                .from(WORK_STATUS_LOG)
                .where(WORK_STATUS_LOG.STARTED_AT.ge(from), WORK_STATUS_LOG.STARTED_AT.lt(to),
                        whose(WORK_STATUS_LOG.USER_ID, scope))
                .unionAll(DSL.select(USERS.ID, before.field(WORK_STATUS_LOG.STATUS),
                                before.field(WORK_STATUS_LOG.REASON), before.field(WORK_STATUS_LOG.STARTED_AT),
                                beforeEnded)
                        .from(USERS).crossJoin(before)
                        .where(whose(USERS.ID, scope), beforeEnded.isNull().or(beforeEnded.gt(from))))
                .asTable("stretches");
    }

    private static Condition whose(Field<Long> user, StatsScope scope) {
        Condition theirs = scope.all() ? DSL.trueCondition() : user.in(scope.users());
        if (scope.filter().operators() != null) {
            theirs = theirs.and(user.in(scope.filter().operators()));
        }
        return theirs;
    }
}
