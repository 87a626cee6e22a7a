package dev.zvonok.server.stats;

import static dev.zvonok.server.db.schema.Tables.CALLS;
import static dev.zvonok.server.db.schema.Tables.CALL_OFFERS;

import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.stats.DirectionCounters;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
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

    /**
     * The outbound and internal calls the figures of {@code period} count in {@code scope}: every one that started in
     * it, ended or not, that one of the scope's operators placed or took part in.
     */
    static Condition counted(Period period, StatsScope scope) {
        Condition theirs = scope.all() ? DSL.trueCondition() : DSL.or(
                CALLS.CALLER_USER_ID.in(scope.users()),
                DSL.exists(DSL.selectOne().from(CALL_OFFERS)
                        .where(CALL_OFFERS.CALL_ID.eq(CALLS.ID), CALL_OFFERS.USER_ID.in(scope.users()))));
        return DSL.and(CALLS.DIRECTION.in(CallDirection.OUTBOUND.wireName(), CallDirection.INTERNAL.wireName()),
                CALLS.STARTED_AT.ge(InboundStatistics.utc(period.from())),
                CALLS.STARTED_AT.lt(InboundStatistics.utc(period.to())), theirs,
                scope.filter().calls(CALLS));
    }

    public Map<CallDirection, DirectionCounters> of(Period period, StatsScope scope) {
        Map<CallDirection, DirectionCounters> counters = new EnumMap<>(CallDirection.class);
        counters.put(CallDirection.OUTBOUND, new DirectionCounters(0, 0));
        counters.put(CallDirection.INTERNAL, new DirectionCounters(0, 0));
        if (scope.isEmpty()) {
            return counters;
        }
        if (hourly != null && HourlyAggregates.wholeHours(List.of(period.from(), period.to()))) {
            hourly.refresh();
            Table<?> rows;
            Field<Long> calls;
            if (scope.all() && scope.filter().operators() == null) {
                Field<String> direction = DailyRollups.column("direction", String.class);
                Table<?> kept = hourly.daily().rows(DailyRollups.Rollup.CALLS, period, true,
                        List.of("direction", "line", "queue", "calls", "answered"));
                rows = DSL.select(kept.fields()).from(kept)
                        .where(direction.in(CallDirection.OUTBOUND.wireName(), CallDirection.INTERNAL.wireName()),
                                scope.filter().hours(direction, DailyRollups.column("line", String.class),
                                        DailyRollups.column("queue", String.class)))
                        .asTable(DailyRollups.ROWS);
                calls = DSL.sum(DSL.field(DSL.name(DailyRollups.ROWS, "calls"), Long.class)).cast(Long.class);
            } else {
                // a team's: each call its operators took part in once (the per-call operator rows)
                rows = hourly.callOperators().calls(period, scope, null, false);
                calls = DSL.count().cast(Long.class);
            }
            Field<String> direction = DSL.field(DSL.name(DailyRollups.ROWS, "direction"), String.class);
            Field<Long> answered = DSL.sum(DSL.field(DSL.name(DailyRollups.ROWS, "answered"), Long.class)).cast(Long.class);
            dsl.select(direction, calls, answered)
                    .from(rows)
                    .groupBy(direction)
                    .fetch()
                    .forEach(row -> counters.put(CallDirection.OUTBOUND.wireName().equals(row.value1())
                            ? CallDirection.OUTBOUND : CallDirection.INTERNAL,
                            new DirectionCounters(row.value2(), row.value3())));
            return counters;
        }
        dsl.select(CALLS.DIRECTION, DSL.count(),
                        DSL.count().filterWhere(CALLS.DISPOSITION.eq(CallDisposition.ANSWERED.wireName())))
                .from(CALLS)
                .where(counted(period, scope))
                .groupBy(CALLS.DIRECTION)
                .fetch()
                .forEach(row -> counters.put(CallDirection.OUTBOUND.wireName().equals(row.value1())
                        ? CallDirection.OUTBOUND : CallDirection.INTERNAL,
                        new DirectionCounters(row.value2(), row.value3())));
        return counters;
    }
}
