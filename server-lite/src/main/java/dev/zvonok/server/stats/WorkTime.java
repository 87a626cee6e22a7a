package dev.zvonok.server.stats;

import static dev.zvonok.server.db.schema.Tables.USERS;
import static dev.zvonok.server.db.schema.Tables.WORK_STATUS_LOG;

import dev.zvonok.model.board.WorkStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The operators' time in a period from the work-status log (V6): logged in (the app connected, available or on
 * break) and on break by reason. Each stretch counts only its part inside the period; one still open (the status
 * now) counts up to now, and nothing counts after now.
 */
final class WorkTime {

    private static final String BREAK = WorkStatus.BREAK.wireName();

    private final DSLContext dsl;

    WorkTime(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
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
        OffsetDateTime from = InboundStatistics.utc(period.from());
        OffsetDateTime to = InboundStatistics.utc(until);
        Table<?> stretches = stretches(from, to, scope);
        Field<Long> userId = stretches.field(WORK_STATUS_LOG.USER_ID);
        Field<String> status = stretches.field(WORK_STATUS_LOG.STATUS);
        Field<String> reason = stretches.field(WORK_STATUS_LOG.REASON);
        Field<OffsetDateTime> start = DSL.greatest(stretches.field(WORK_STATUS_LOG.STARTED_AT), DSL.val(from));
        Field<OffsetDateTime> end = DSL.least(DSL.coalesce(stretches.field(WORK_STATUS_LOG.ENDED_AT), DSL.val(to)),
                DSL.val(to));
        // the intervals summed exactly (to the microsecond), turned into milliseconds once per group
        Field<Long> ms = DSL.field("coalesce(round(extract(epoch from sum({0} - {1})) * 1000), 0)", Long.class,
                end, start);
        Map<Long, Map<String, Long>> reasons = new HashMap<>();
        Map<Long, long[]> totals = new HashMap<>();
        for (Record row : dsl.select(userId, status, reason, ms)
                .from(stretches)
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
