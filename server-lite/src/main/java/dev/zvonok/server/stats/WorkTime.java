package dev.zvonok.server.stats;

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
        Field<OffsetDateTime> start = DSL.greatest(WORK_STATUS_LOG.STARTED_AT, DSL.val(from));
        Field<OffsetDateTime> end = DSL.least(DSL.coalesce(WORK_STATUS_LOG.ENDED_AT, DSL.val(to)), DSL.val(to));
        Field<Long> ms = DSL.coalesce(DSL.sum(DSL.field("extract(epoch from ({0} - {1})) * 1000", Double.class,
                end, start)), DSL.inline(0)).cast(Long.class);
        Map<Long, Map<String, Long>> reasons = new HashMap<>();
        Map<Long, long[]> totals = new HashMap<>();
        for (Record row : dsl.select(WORK_STATUS_LOG.USER_ID, WORK_STATUS_LOG.STATUS, WORK_STATUS_LOG.REASON, ms)
                .from(WORK_STATUS_LOG)
                .where(WORK_STATUS_LOG.STARTED_AT.lt(to),
                        WORK_STATUS_LOG.ENDED_AT.isNull().or(WORK_STATUS_LOG.ENDED_AT.gt(from)),
                        whose(scope))
                .groupBy(WORK_STATUS_LOG.USER_ID, WORK_STATUS_LOG.STATUS, WORK_STATUS_LOG.REASON)
                .orderBy(WORK_STATUS_LOG.USER_ID, WORK_STATUS_LOG.REASON)
                .fetch()) {
            long user = row.get(WORK_STATUS_LOG.USER_ID);
            long spent = Math.max(0, row.get(ms));
            long[] sums = totals.computeIfAbsent(user, u -> new long[2]);
            sums[0] += spent;
            if (BREAK.equals(row.get(WORK_STATUS_LOG.STATUS))) {
                sums[1] += spent;
                reasons.computeIfAbsent(user, u -> new LinkedHashMap<>())
                        .merge(row.get(WORK_STATUS_LOG.REASON), spent, Long::sum);
            }
        }
        totals.forEach((user, sums) -> {
            if (sums[0] > 0) {
                time.put(user, new Of(sums[0], sums[1], reasons.getOrDefault(user, Map.of())));
            }
        });
        return time;
    }

    private static Condition whose(StatsScope scope) {
        Condition theirs = scope.all() ? DSL.trueCondition() : WORK_STATUS_LOG.USER_ID.in(scope.users());
        if (scope.filter().operators() != null) {
            theirs = theirs.and(WORK_STATUS_LOG.USER_ID.in(scope.filter().operators()));
        }
        return theirs;
    }
}
