package dev.zvonok.server.stats;

import static dev.zvonok.server.db.schema.Tables.CALLS;
import static dev.zvonok.server.db.schema.Tables.CALL_OFFERS;

import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.stats.InboundCounters;
import dev.zvonok.server.db.schema.tables.CallOffers;
import dev.zvonok.server.db.schema.tables.Calls;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
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

    private final DSLContext dsl;
    private final StatsSettings settings;

    public InboundStatistics(DSLContext dsl, StatsSettings settings) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.settings = Objects.requireNonNull(settings, "settings");
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
        Condition calls = inPeriod(CALLS, period).and(inScope(scope, period));
        Map<String, Double> handling = averageHandling(calls, now);

        Field<Double> wait = secondsBetween(CALLS.STARTED_AT, CALLS.ANSWERED_AT);
        Field<Double> waitUntilEnd = secondsBetween(CALLS.STARTED_AT, CALLS.ENDED_AT);
        Field<Double> waited = DSL.when(CALLS.DISPOSITION.eq(ANSWERED), wait)
                .when(CALLS.DISPOSITION.in(MISSED, ABANDONED), waitUntilEnd);
        Field<Integer> whole = DSL.grouping(CALLS.QUEUE);
        Field<Integer> total = DSL.count();
        Field<Integer> answered = counted(CALLS.DISPOSITION.eq(ANSWERED));
        Field<Integer> missed = counted(CALLS.DISPOSITION.eq(MISSED));
        Field<Integer> abandoned = counted(CALLS.DISPOSITION.eq(ABANDONED));
        Field<Integer> busy = counted(CALLS.DISPOSITION.eq(CallDisposition.BUSY.wireName()));
        Field<Integer> failed = counted(CALLS.DISPOSITION.eq(CallDisposition.FAILED.wireName()));
        Field<Integer> withinThreshold = counted(CALLS.DISPOSITION.eq(ANSWERED)
                .and(wait.le((double) settings.serviceLevelSeconds())));
        Field<Integer> shortAbandons = counted(CALLS.DISPOSITION.eq(ABANDONED)
                .and(waitUntilEnd.lt((double) settings.shortAbandonSeconds())));
        Field<Double> asa = DSL.avg(wait).filterWhere(CALLS.DISPOSITION.eq(ANSWERED)).cast(Double.class);
        Field<Double> longest = DSL.max(waited);

        InboundCounters whole_ = none;
        Map<String, InboundCounters> byQueue = new HashMap<>();
        for (Record row : dsl.select(whole, CALLS.QUEUE, total, answered, missed, abandoned, busy, failed,
                        withinThreshold, shortAbandons, asa, longest)
                .from(CALLS)
                .where(calls)
                .groupBy(DSL.groupingSets(new Field<?>[] {CALLS.QUEUE}, new Field<?>[] {}))
                .fetch()) {
            boolean isWhole = row.get(whole) == 1;
            String queue = row.get(CALLS.QUEUE);
            InboundCounters counters = counters(row.get(total), row.get(answered), row.get(missed),
                    row.get(abandoned), row.get(busy), row.get(failed), row.get(withinThreshold),
                    row.get(shortAbandons), row.get(asa), handling.get(isWhole ? null : queue), row.get(longest));
            if (isWhole) {
                whole_ = counters;
            } else if (queue != null) {
                byQueue.put(queue, counters);
            }
        }
        return new InboundFigures(whole_, byQueue);
    }

    private InboundCounters counters(long total, long answered, long missed, long abandoned, long busy, long failed,
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
    private Map<String, Double> averageHandling(Condition calls, Instant now) {
        long capMs = settings.wrapUpCap().toMillis();
        Field<Long> wrapUp = DSL.when(CALL_OFFERS.FINISHED_AT.isNotNull(),
                        DSL.least(DSL.coalesce(CALL_OFFERS.WRAP_UP_MS, 0L), DSL.inline(capMs)))
                .when(CALL_OFFERS.END_AT.le(OffsetDateTime.ofInstant(now.minusMillis(capMs), ZoneOffset.UTC)),
                        DSL.inline(capMs));
        Field<Double> handling = DSL.avg(CALL_OFFERS.TALK_MS.plus(wrapUp)).div(1000.0).cast(Double.class);
        Field<Integer> whole = DSL.grouping(CALLS.QUEUE);
        Map<String, Double> averages = new HashMap<>();
        dsl.select(whole, CALLS.QUEUE, handling)
                .from(CALL_OFFERS).join(CALLS).on(CALLS.ID.eq(CALL_OFFERS.CALL_ID))
                .where(calls, CALL_OFFERS.ANSWER_AT.isNotNull(), CALL_OFFERS.END_AT.isNotNull(),
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

    private static Condition inPeriod(Calls calls, Period period) {
        // a call counts once it has ended: while it rings or talks it has no outcome yet
        return calls.DIRECTION.eq(CallDirection.INBOUND.wireName())
                .and(calls.DISPOSITION.isNotNull())
                .and(calls.STARTED_AT.ge(utc(period.from())))
                .and(calls.STARTED_AT.lt(utc(period.to())));
    }

    /** See {@link StatsScope}: rang one of the operators, or came through a queue named or served by them. */
    private static Condition inScope(StatsScope scope, Period period) {
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
    private static Field<Double> secondsBetween(Field<OffsetDateTime> from, Field<OffsetDateTime> to) {
        return DSL.field("extract(epoch from ({0} - {1}))", Double.class, to, from);
    }

    private static Double share(long part, long whole) {
        return whole <= 0 ? null : (double) part / whole;
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
