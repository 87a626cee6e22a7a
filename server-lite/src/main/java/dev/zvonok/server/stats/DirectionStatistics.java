package dev.zvonok.server.stats;

import static dev.zvonok.server.db.schema.Tables.CALLS;
import static dev.zvonok.server.db.schema.Tables.CALL_OFFERS;
import static dev.zvonok.server.db.schema.Tables.STATS_HOUR_CALLS;

import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.stats.DirectionCounters;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The outbound and internal calls of a period: how many, how many answered. In a supervisor's scope, the calls one of
 * their operators placed or took part in.
 */
public final class DirectionStatistics {

    private final DSLContext dsl;
    private final HourlyAggregates hourly;

    public DirectionStatistics(DSLContext dsl) {
        this(dsl, null);
    }

    /** @param hourly the hourly rows, for the questions they answer; null to count from the calls themselves */
    public DirectionStatistics(DSLContext dsl, HourlyAggregates hourly) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.hourly = hourly;
    }

    public Map<CallDirection, DirectionCounters> of(Period period, StatsScope scope) {
        Map<CallDirection, DirectionCounters> counters = new EnumMap<>(CallDirection.class);
        counters.put(CallDirection.OUTBOUND, new DirectionCounters(0, 0));
        counters.put(CallDirection.INTERNAL, new DirectionCounters(0, 0));
        if (scope.isEmpty()) {
            return counters;
        }
        if (hourly != null && scope.all() && scope.filter().operators() == null
                && HourlyAggregates.wholeHours(List.of(period.from(), period.to()))) {
            hourly.refresh();
            dsl.select(STATS_HOUR_CALLS.DIRECTION, DSL.sum(STATS_HOUR_CALLS.CALLS).cast(Long.class),
                            DSL.sum(STATS_HOUR_CALLS.ANSWERED).cast(Long.class))
                    .from(STATS_HOUR_CALLS)
                    .where(STATS_HOUR_CALLS.DIRECTION.in(CallDirection.OUTBOUND.wireName(),
                                    CallDirection.INTERNAL.wireName()),
                            STATS_HOUR_CALLS.HOUR.ge(InboundStatistics.utc(period.from())),
                            STATS_HOUR_CALLS.HOUR.lt(InboundStatistics.utc(period.to())),
                            scope.filter().hours(STATS_HOUR_CALLS.DIRECTION, STATS_HOUR_CALLS.LINE,
                                    STATS_HOUR_CALLS.QUEUE))
                    .groupBy(STATS_HOUR_CALLS.DIRECTION)
                    .fetch()
                    .forEach(row -> counters.put(CallDirection.OUTBOUND.wireName().equals(row.value1())
                            ? CallDirection.OUTBOUND : CallDirection.INTERNAL,
                            new DirectionCounters(row.value2(), row.value3())));
            return counters;
        }
        Condition theirs = scope.all() ? DSL.trueCondition() : DSL.or(
                CALLS.CALLER_USER_ID.in(scope.users()),
                DSL.exists(DSL.selectOne().from(CALL_OFFERS)
                        .where(CALL_OFFERS.CALL_ID.eq(CALLS.ID), CALL_OFFERS.USER_ID.in(scope.users()))));
        dsl.select(CALLS.DIRECTION, DSL.count(),
                        DSL.count().filterWhere(CALLS.DISPOSITION.eq(CallDisposition.ANSWERED.wireName())))
                .from(CALLS)
                .where(CALLS.DIRECTION.in(CallDirection.OUTBOUND.wireName(), CallDirection.INTERNAL.wireName()),
                        CALLS.STARTED_AT.ge(InboundStatistics.utc(period.from())),
                        CALLS.STARTED_AT.lt(InboundStatistics.utc(period.to())), theirs,
                        scope.filter().calls(CALLS))
                .groupBy(CALLS.DIRECTION)
                .fetch()
                .forEach(row -> counters.put(CallDirection.OUTBOUND.wireName().equals(row.value1())
                        ? CallDirection.OUTBOUND : CallDirection.INTERNAL,
                        new DirectionCounters(row.value2(), row.value3())));
        return counters;
    }
}
