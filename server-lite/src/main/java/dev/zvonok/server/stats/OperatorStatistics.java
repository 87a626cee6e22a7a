package dev.zvonok.server.stats;

import static dev.zvonok.server.db.schema.Tables.CALLS;
import static dev.zvonok.server.db.schema.Tables.CALL_OFFERS;
import static dev.zvonok.server.db.schema.Tables.USERS;

import dev.zvonok.model.call.OfferResult;
import dev.zvonok.model.stats.MyStats;
import dev.zvonok.model.stats.OperatorFigures;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record5;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The operators' work: their parts (offers) in the calls that started in a period, every direction. A transfer ends
 * one operator's part and starts the next one's: one call, two parts, each counted once, for its own operator.
 */
public final class OperatorStatistics {

    private final DSLContext dsl;
    private final StatsSettings settings;
    private final HourlyAggregates hourly;
    private final WorkTime workTime;

    public OperatorStatistics(DSLContext dsl, StatsSettings settings) {
        this(dsl, settings, null);
    }

    /**
     * @param hourly the hourly rows, which answer for whole hours whatever the scope (they are kept per operator);
     *               null to count from the offers themselves (and the work time from the work-status log itself,
     *               not its day rows)
     */
    public OperatorStatistics(DSLContext dsl, StatsSettings settings, HourlyAggregates hourly) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.hourly = hourly;
        // the work time's day rows are kept beside the hourly rows; without those, everything is read raw
        this.workTime = hourly == null ? new WorkTime(dsl) : new WorkTime(dsl, new WorkDays(dsl, settings));
    }

    private boolean fromHours(Period period) {
        if (hourly == null || !HourlyAggregates.wholeHours(List.of(period.from(), period.to()))) {
            return false;
        }
        hourly.refresh();
        return true;
    }

    /**
     * The kept rows of the parts in scope: daily where the question needs no line or queue (the daily rows keep
     * neither), hourly at the period's edges and otherwise. Named as {@code stats_hour_parts}' columns.
     */
    private Table<?> parts(Period period, StatsScope scope) {
        Field<Long> user = DailyRollups.column("user_id", Long.class);
        boolean byLineOrQueue = scope.filter().line() != null || scope.filter().queue() != null;
        List<String> columns = new ArrayList<>(List.of("direction", "user_id", "call_ended"));
        columns.addAll(DailyRollups.Rollup.PARTS.figures());
        if (byLineOrQueue) {
            columns.addAll(List.of("line", "queue"));
        }
        Table<?> rows = hourly.daily().rows(DailyRollups.Rollup.PARTS, period, !byLineOrQueue, columns);
        Condition kept = scope.filter().hours(DailyRollups.column("direction", String.class),
                byLineOrQueue ? DailyRollups.column("line", String.class) : DSL.inline((String) null),
                byLineOrQueue ? DailyRollups.column("queue", String.class) : DSL.inline((String) null));
        kept = kept.and(scope.all() ? user.isNotNull() : user.in(scope.users()));
        if (scope.filter().operators() != null) {
            kept = kept.and(user.in(scope.filter().operators()));
        }
        return DSL.select(rows.fields()).from(rows).where(kept).asTable(DailyRollups.ROWS);
    }

    private static Field<Long> part(String column) {
        return DailyRollups.column(column, Long.class);
    }

    /**
     * Per operator, the answered parts whose card is still open past the wrap-up cap ({@code [parts, talk ms]}):
     * not in the hourly rows, as their wrap-up is the cap only from some moment on.
     */
    private Map<Long, long[]> openPastTheCap(Period period, StatsScope scope, Instant now) {
        Map<Long, long[]> open = new HashMap<>();
        List<Long> calls = InboundStatistics.callsOpenPastTheCap(dsl, settings, now);
        if (calls.isEmpty()) {
            return open;
        }
        dsl.select(CALL_OFFERS.USER_ID, DSL.count(), DSL.sum(DSL.coalesce(CALL_OFFERS.TALK_MS, 0L)).cast(Long.class))
                .from(CALL_OFFERS).join(CALLS).on(CALLS.ID.eq(CALL_OFFERS.CALL_ID))
                .where(CALLS.ID.in(calls), inPeriod(period), inScope(scope),
                        InboundStatistics.openPastTheCap(settings, now))
                .groupBy(CALL_OFFERS.USER_ID)
                .fetch()
                .forEach(row -> open.put(row.value1(), new long[] {row.value2(), row.value3()}));
        return open;
    }

    private static Field<Long> total(Field<Long> column) {
        return DSL.coalesce(DSL.sum(column).cast(Long.class), 0L);
    }

    private Work workFromHours(Period period, StatsScope scope, Instant now) {
        Record5<Long, Long, Long, Long, Long> row = dsl.select(total(part("talk_ms")), total(part("wrap_ms")),
                        total(part("wrapped_talk_ms")), total(part("wrapped")), total(part("hold_ms")))
                .from(parts(period, scope)).fetchOne();
        long capMs = settings.wrapUpCap().toMillis();
        long wrapMs = row.value2();
        long handledMs = row.value3() + row.value2();
        long parts = row.value4();
        for (long[] open : openPastTheCap(period, scope, now).values()) {
            wrapMs += open[0] * capMs;
            handledMs += open[1] + open[0] * capMs;
            parts += open[0];
        }
        return new Work(seconds(row.value1()), seconds(row.value5()), seconds(wrapMs),
                parts == 0 ? null : handledMs / 1000.0 / parts);
    }

    private List<OperatorFigures> operatorsFromHours(Period period, StatsScope scope, Instant now) {
        Map<Long, long[]> open = openPastTheCap(period, scope, now);
        long capMs = settings.wrapUpCap().toMillis();
        Field<Long> offers = total(part("offers"));
        Field<Long> answered = total(part("answered"));
        Field<Long> missed = total(part("missed"));
        Field<Long> elsewhere = total(part("answered_elsewhere"));
        Field<Long> transfersIn = total(part("transfers_in"));
        Field<Long> transfersOut = total(part("transfers_out"));
        Field<Long> talkMs = total(part("talk_ms"));
        Field<Long> holdMs = total(part("hold_ms"));
        Field<Long> wrapMs = total(part("wrap_ms"));
        Field<Long> wrapped = total(part("wrapped"));
        Map<Long, WorkTime.Of> time = workTime.of(period, scope, now);
        Set<String> reasons = WorkTime.reasons(time);
        List<OperatorFigures> figures = new ArrayList<>();
        for (Record row : dsl.select(USERS.ID, USERS.LOGIN, USERS.DISPLAY_NAME, offers, answered, missed, elsewhere,
                        transfersIn, transfersOut, talkMs, holdMs, wrapMs, wrapped)
                .from(parts(period, scope)).join(USERS).on(USERS.ID.eq(part("user_id")))
                .groupBy(USERS.ID, USERS.LOGIN, USERS.DISPLAY_NAME)
                .orderBy(USERS.DISPLAY_NAME, USERS.ID)
                .fetch()) {
            long[] stillOpen = open.getOrDefault(row.get(USERS.ID), new long[2]);
            figures.add(figures(row, new Parts(row.get(offers), row.get(answered), row.get(missed),
                    row.get(elsewhere), row.get(transfersIn), row.get(transfersOut), row.get(talkMs),
                    row.get(holdMs), row.get(wrapMs) + stillOpen[0] * capMs, row.get(wrapped) + stillOpen[0]),
                    time.remove(row.get(USERS.ID)), reasons));
        }
        return withTheLoggedInOnly(figures, time, scope, reasons);
    }

    /** An operator's parts in the period, in milliseconds. */
    private record Parts(long offers, long answered, long missed, long answeredElsewhere, long transfersIn,
                         long transfersOut, long talkMs, long holdMs, long wrapMs, long wrapped) {

        static final Parts NONE = new Parts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    private static OperatorFigures figures(Record user, Parts parts, WorkTime.Of time, Set<String> reasons) {
        WorkTime.Of logged = time == null ? WorkTime.Of.NONE : time;
        Map<String, Long> breaks = new LinkedHashMap<>();
        reasons.forEach(reason -> breaks.put(reason, seconds(logged.breakMsByReason().getOrDefault(reason, 0L))));
        long answered = parts.answered();
        return new OperatorFigures(user.get(USERS.ID), user.get(USERS.LOGIN), user.get(USERS.DISPLAY_NAME),
                parts.offers(), answered, parts.missed(), parts.answeredElsewhere(), parts.transfersIn(),
                parts.transfersOut(), seconds(parts.talkMs()), seconds(parts.holdMs()), seconds(parts.wrapMs()),
                answered == 0 ? null : parts.talkMs() / 1000.0 / answered,
                answered == 0 ? null : parts.holdMs() / 1000.0 / answered,
                parts.wrapped() == 0 ? null : parts.wrapMs() / 1000.0 / parts.wrapped(),
                seconds(logged.loggedInMs()), seconds(logged.breakMs()), breaks,
                // the talk holds the hold: talk + wrap-up is the talk + hold + wrap-up
                logged.availableMs() <= 0 ? null
                        : (double) (parts.talkMs() + parts.wrapMs()) / logged.availableMs());
    }

    /**
     * Adds the operators who were logged in during the period but had no part in its calls (their occupancy 0), when
     * the question is about whole days of work; a line, queue or direction narrows the calls, not the people.
     */
    private List<OperatorFigures> withTheLoggedInOnly(List<OperatorFigures> figures, Map<Long, WorkTime.Of> time,
                                                      StatsScope scope, Set<String> reasons) {
        StatsFilter filter = scope.filter();
        if (time.isEmpty() || filter.line() != null || filter.queue() != null || filter.direction() != null) {
            return figures;
        }
        Map<Long, OperatorFigures> byUser = new HashMap<>();
        figures.forEach(f -> byUser.put(f.userId(), f));
        List<OperatorFigures> all = new ArrayList<>();
        // by name as the database orders names (its collation), the operators with parts among them
        for (Record user : dsl.select(USERS.ID, USERS.LOGIN, USERS.DISPLAY_NAME).from(USERS)
                .where(USERS.ID.in(byUser.keySet()).or(USERS.ID.in(time.keySet())))
                .orderBy(USERS.DISPLAY_NAME, USERS.ID).fetch()) {
            OperatorFigures withParts = byUser.get(user.get(USERS.ID));
            all.add(withParts != null ? withParts : figures(user, Parts.NONE, time.get(user.get(USERS.ID)), reasons));
        }
        return all;
    }

    /** Talk, wrap-up and handle time over every part in scope. */
    public Work work(Period period, StatsScope scope, Instant now) {
        if (scope.isEmpty()) {
            return new Work(0, 0, 0, null);
        }
        if (fromHours(period)) {
            return workFromHours(period, scope, now);
        }
        Field<Long> wrapUp = InboundStatistics.knownWrapUpMs(settings, now);
        Condition answered = CALL_OFFERS.ANSWER_AT.isNotNull();
        Condition known = answered.and(wrapUp.isNotNull());
        Field<Long> talkMs = DSL.sum(DSL.coalesce(CALL_OFFERS.TALK_MS, 0L)).filterWhere(answered).cast(Long.class);
        Field<Long> holdMs = holdMs(answered);
        Field<Long> wrapMs = DSL.sum(wrapUp).filterWhere(known).cast(Long.class);
        Field<Long> handledMs = DSL.sum(DSL.coalesce(CALL_OFFERS.TALK_MS, 0L).plus(wrapUp)).filterWhere(known)
                .cast(Long.class);
        Field<Integer> handled = DSL.count().filterWhere(known);
        Record row = dsl.select(talkMs, holdMs, wrapMs, handledMs, handled)
                .from(CALL_OFFERS).join(CALLS).on(CALLS.ID.eq(CALL_OFFERS.CALL_ID))
                .where(inPeriod(period), inScope(scope))
                .fetchOne();
        long parts = row.get(handled);
        return new Work(seconds(row.get(talkMs)), seconds(row.get(holdMs)), seconds(row.get(wrapMs)),
                parts == 0 ? null : row.get(handledMs) / 1000.0 / parts);
    }

    /**
     * The operators in scope with a part in the period, and those logged in during it (see
     * {@link #withTheLoggedInOnly}), by name.
     */
    public List<OperatorFigures> operators(Period period, StatsScope scope, Instant now) {
        if (scope.isEmpty()) {
            return List.of();
        }
        if (fromHours(period)) {
            return operatorsFromHours(period, scope, now);
        }
        Field<Long> wrapUp = InboundStatistics.knownWrapUpMs(settings, now);
        Condition answered = CALL_OFFERS.ANSWER_AT.isNotNull();
        Field<Integer> offers = DSL.count();
        Field<Integer> answeredCount = DSL.count().filterWhere(answered);
        Field<Integer> missed = result(OfferResult.MISSED);
        Field<Integer> elsewhere = result(OfferResult.ANSWERED_ELSEWHERE);
        Field<Integer> transfersIn = DSL.count().filterWhere(CALL_OFFERS.TRANSFERRED_FROM.isNotNull());
        Field<Integer> transfersOut = DSL.count().filterWhere(CALL_OFFERS.TRANSFERRED_TO.isNotNull()
                .or(CALL_OFFERS.RESULT.eq(OfferResult.TRANSFERRED.wireName())));
        Field<Long> talkMs = DSL.sum(DSL.coalesce(CALL_OFFERS.TALK_MS, 0L)).filterWhere(answered).cast(Long.class);
        Field<Long> holdMs = holdMs(answered);
        Field<Long> wrapMs = DSL.sum(wrapUp).filterWhere(answered.and(wrapUp.isNotNull())).cast(Long.class);
        Field<Integer> wrapped = DSL.count().filterWhere(answered.and(wrapUp.isNotNull()));
        Map<Long, WorkTime.Of> time = workTime.of(period, scope, now);
        Set<String> reasons = WorkTime.reasons(time);
        List<OperatorFigures> figures = new ArrayList<>();
        for (Record row : dsl.select(USERS.ID, USERS.LOGIN, USERS.DISPLAY_NAME, offers, answeredCount, missed,
                        elsewhere, transfersIn, transfersOut, talkMs, holdMs, wrapMs, wrapped)
                .from(CALL_OFFERS)
                .join(CALLS).on(CALLS.ID.eq(CALL_OFFERS.CALL_ID))
                .join(USERS).on(USERS.ID.eq(CALL_OFFERS.USER_ID))
                .where(inPeriod(period), inScope(scope))
                .groupBy(USERS.ID, USERS.LOGIN, USERS.DISPLAY_NAME)
                .orderBy(USERS.DISPLAY_NAME, USERS.ID)
                .fetch()) {
            figures.add(figures(row, new Parts(row.get(offers), row.get(answeredCount), row.get(missed),
                    row.get(elsewhere), row.get(transfersIn), row.get(transfersOut), msOrZero(row.get(talkMs)),
                    msOrZero(row.get(holdMs)), msOrZero(row.get(wrapMs)), row.get(wrapped)),
                    time.remove(row.get(USERS.ID)), reasons));
        }
        return withTheLoggedInOnly(figures, time, scope, reasons);
    }

    /** One operator's parts over {@code days} (the call centre's), and per day, every day present. */
    public My my(long userId, List<LocalDate> dayList, BusinessDays days) {
        Map<LocalDate, MyStats.Day> perDay = new LinkedHashMap<>();
        dayList.forEach(day -> perDay.put(day, new MyStats.Day(day, 0, 0, 0)));
        List<Instant> boundaries = new ArrayList<>();
        dayList.forEach(day -> boundaries.add(days.start(day)));
        boundaries.add(days.start(dayList.getLast().plusDays(1)));
        Period period = new Period(boundaries.getFirst(), boundaries.getLast());
        Field<Integer> bucket = TimelineBuckets.stretchOf(CALLS.STARTED_AT, boundaries).as("bucket");
        Field<Integer> offers = DSL.count();
        Field<Integer> answered = DSL.count().filterWhere(CALL_OFFERS.ANSWER_AT.isNotNull());
        Field<Integer> missed = result(OfferResult.MISSED);
        for (Record row : dsl.select(bucket, offers, answered, missed)
                .from(CALL_OFFERS).join(CALLS).on(CALLS.ID.eq(CALL_OFFERS.CALL_ID))
                .where(inPeriod(period), inScope(StatsScope.of(Set.of(userId), Set.of())))
                .groupBy(DSL.field(DSL.name("bucket")))
                .fetch()) {
            int index = row.get(bucket) - 1;
            if (index >= 0 && index < dayList.size()) {
                LocalDate day = dayList.get(index);
                perDay.put(day, new MyStats.Day(day, row.get(offers), row.get(answered), row.get(missed)));
            }
        }
        long total = perDay.values().stream().mapToLong(MyStats.Day::total).sum();
        long accepted = perDay.values().stream().mapToLong(MyStats.Day::accepted).sum();
        long missedAll = perDay.values().stream().mapToLong(MyStats.Day::missed).sum();
        return new My(total, accepted, missedAll, total == 0 ? null : (double) accepted / total,
                List.copyOf(perDay.values()));
    }

    /** The hold of the answered parts (null for those recorded before it was measured: none known). */
    private static Field<Long> holdMs(Condition answered) {
        return DSL.sum(DSL.coalesce(CALL_OFFERS.HOLD_MS, 0L)).filterWhere(answered).cast(Long.class);
    }

    private static Field<Integer> result(OfferResult result) {
        return DSL.count().filterWhere(CALL_OFFERS.RESULT.eq(result.wireName()));
    }

    /**
     * The calls the operators' figures of {@code period} count in {@code scope}: those that started in it with a part
     * of one of the scope's operators (each figure counts such parts).
     */
    static Condition counted(Period period, StatsScope scope) {
        return inPeriod(period).and(DSL.exists(DSL.selectOne().from(CALL_OFFERS)
                .where(CALL_OFFERS.CALL_ID.eq(CALLS.ID), inScope(scope))));
    }

    /**
     * The calls the summary's talk, hold, wrap-up and handle time of {@code period} count in {@code scope}: those with
     * a part one of the scope's operators answered (what {@link #work} sums).
     */
    static Condition answeredParts(Period period, StatsScope scope) {
        return inPeriod(period).and(DSL.exists(DSL.selectOne().from(CALL_OFFERS)
                .where(CALL_OFFERS.CALL_ID.eq(CALLS.ID), inScope(scope), CALL_OFFERS.ANSWER_AT.isNotNull())));
    }

    private static Condition inPeriod(Period period) {
        return CALLS.STARTED_AT.ge(InboundStatistics.utc(period.from()))
                .and(CALLS.STARTED_AT.lt(InboundStatistics.utc(period.to())));
    }

    private static Condition inScope(StatsScope scope) {
        Condition theirs = scope.all() ? CALL_OFFERS.USER_ID.isNotNull() : CALL_OFFERS.USER_ID.in(scope.users());
        return theirs.and(scope.filter().parts()).and(scope.filter().calls(CALLS));
    }

    private static long msOrZero(Long ms) {
        return ms == null ? 0 : ms;
    }

    /** Whole seconds, rounded. */
    private static long seconds(Long ms) {
        return Math.round(msOrZero(ms) / 1000.0);
    }

    /** Talk, hold and wrap-up totals, and the average handle time; see {@code StatsSummary}. */
    public record Work(long talkSeconds, long holdSeconds, long wrapupSeconds, Double ahtSeconds) {
    }

    /** See {@link MyStats}. */
    public record My(long total, long accepted, long missed, Double acceptanceRate, List<MyStats.Day> days) {
    }
}
