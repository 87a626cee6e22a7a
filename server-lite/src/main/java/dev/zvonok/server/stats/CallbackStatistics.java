package dev.zvonok.server.stats;

import static dev.zvonok.server.db.schema.Tables.CALLS;

import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.stats.CallbackCounters;
import dev.zvonok.model.stats.CallbackItem;
import dev.zvonok.server.calls.Reached;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.impl.DSL;

/**
 * Missed calls not yet called back: the missed and abandoned inbound calls of a period, from a number one can call
 * back, whose number has not been reached since ({@link Reached}: the same rule as the missed list).
 */
public final class CallbackStatistics {

    /** {@link Reached}, as kept on the call (V12). */
    private static final Field<OffsetDateTime> REACHED_AT = CALLS.REACHED_AT;

    private final DSLContext dsl;

    public CallbackStatistics(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    public CallbackCounters counters(Period period, StatsScope scope) {
        if (scope.isEmpty()) {
            return new CallbackCounters(0, null, null);
        }
        Field<Double> delay = InboundStatistics.secondsBetween(CALLS.STARTED_AT, REACHED_AT).as("delay");
        CommonTableExpression<Record1<Double>> missed = DSL.name("missed")
                .as(DSL.select(delay).from(CALLS).where(missed(period, scope)));
        Field<Double> of = missed.field("delay", Double.class);
        Field<Integer> all = DSL.count();
        Field<Integer> pending = DSL.count().filterWhere(of.isNull());
        Field<Integer> withinHour = DSL.count().filterWhere(of.le(3600.0));
        Field<Double> median = DSL.percentileCont(0.5).withinGroupOrderBy(of).cast(Double.class);
        Record row = dsl.with(missed).select(all, pending, withinHour, median).from(missed).fetchOne();
        long count = row.get(all);
        return new CallbackCounters(row.get(pending), row.get(median),
                count == 0 ? null : (double) row.get(withinHour) / count);
    }

    /** How many numbers there are to call back. */
    public long numbers(Period period, StatsScope scope) {
        if (scope.isEmpty()) {
            return 0;
        }
        return dsl.fetchCount(DSL.selectDistinct(CALLS.CALLER_NORMALIZED).from(CALLS)
                .where(missed(period, scope), REACHED_AT.isNull()));
    }

    /** A page of the numbers to call back, who has waited longest first. */
    public List<CallbackItem> list(Period period, StatsScope scope, int offset, int limit) {
        if (scope.isEmpty()) {
            return List.of();
        }
        Field<String> number = last(CALLS.CALLER_NUMBER, String.class);
        Field<String> name = last(CALLS.CALLER_NAME, String.class);
        Field<Long> lastCall = last(CALLS.ID, Long.class);
        Field<Double> waited = last(InboundStatistics.secondsBetween(CALLS.STARTED_AT, CALLS.ENDED_AT), Double.class);
        Field<OffsetDateTime> first = DSL.min(CALLS.STARTED_AT);
        Field<OffsetDateTime> lastAt = DSL.max(CALLS.STARTED_AT);
        Field<Integer> attempts = DSL.count();
        return dsl.select(CALLS.CALLER_NORMALIZED, number, name, lastCall, waited, first, lastAt, attempts)
                .from(CALLS)
                .where(missed(period, scope), REACHED_AT.isNull())
                .groupBy(CALLS.CALLER_NORMALIZED)
                .orderBy(first, CALLS.CALLER_NORMALIZED)
                .offset(offset).limit(limit)
                .fetch(row -> new CallbackItem(row.get(number), row.get(name), row.get(first).toInstant(),
                        row.get(lastAt).toInstant(), row.get(waited) == null ? 0 : Math.round(row.get(waited)),
                        row.get(attempts), row.get(lastCall)));
    }

    /** The value of the last call of the group. */
    private static <T> Field<T> last(Field<?> field, Class<T> type) {
        return DSL.field("(array_agg({0} order by {1} desc, {2} desc))[1]", type, field, CALLS.STARTED_AT, CALLS.ID);
    }

    private static Condition missed(Period period, StatsScope scope) {
        return InboundStatistics.inPeriod(CALLS, period)
                .and(InboundStatistics.inScope(scope, period))
                .and(CALLS.DISPOSITION.in(CallDisposition.MISSED.wireName(), CallDisposition.ABANDONED.wireName()))
                .and(CALLS.CALLER_NORMALIZED.isNotNull());
    }
}
