package dev.zvonok.server.stats;

import static dev.zvonok.server.db.schema.Tables.CALLS;
import static dev.zvonok.server.db.schema.Tables.CALL_OFFERS;

import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.stats.DirectionCounters;
import java.util.EnumMap;
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

    public DirectionStatistics(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    public Map<CallDirection, DirectionCounters> of(Period period, StatsScope scope) {
        Map<CallDirection, DirectionCounters> counters = new EnumMap<>(CallDirection.class);
        counters.put(CallDirection.OUTBOUND, new DirectionCounters(0, 0));
        counters.put(CallDirection.INTERNAL, new DirectionCounters(0, 0));
        if (scope.isEmpty()) {
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
