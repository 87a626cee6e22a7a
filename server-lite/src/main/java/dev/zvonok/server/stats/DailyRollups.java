package dev.zvonok.server.stats;

import static dev.zvonok.server.db.schema.Tables.STATS_DAY_CALLS;
import static dev.zvonok.server.db.schema.Tables.STATS_DAY_OPERATOR_QUEUES;
import static dev.zvonok.server.db.schema.Tables.STATS_DAY_PARTS;
import static dev.zvonok.server.db.schema.Tables.STATS_DAY_QUEUE_PARTS;
import static dev.zvonok.server.db.schema.Tables.STATS_HOUR_CALLS;
import static dev.zvonok.server.db.schema.Tables.STATS_HOUR_PARTS;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The hourly rows rolled up per business day ({@code stats_day_*}, V12), and the rows a question adds up: for a
 * month, the month's whole days from the daily rows and only the hours at its edges from the hourly rows.
 *
 * <p>A daily table keeps some of its hourly table's keys; every other column is the sum of the hourly rows' (the
 * longest wait their max), so a figure added to the hourly rows is one more column in the daily table, nothing more
 * here. A day's rows are recomputed from its hours whenever one of them is ({@link #recompute}); a day whose start or
 * end is not a whole UTC hour (a zone with a half-hour offset) has none and is always read from the hours.
 */
final class DailyRollups {

    /** A daily table of an hourly table, and the keys it keeps besides the day. */
    enum Rollup {
        CALLS(STATS_HOUR_CALLS, STATS_HOUR_CALLS.HOUR, STATS_DAY_CALLS, STATS_DAY_CALLS.DAY,
                List.of("direction", "line", "queue")),
        PARTS(STATS_HOUR_PARTS, STATS_HOUR_PARTS.HOUR, STATS_DAY_PARTS, STATS_DAY_PARTS.DAY,
                List.of("direction", "user_id", "call_ended")),
        QUEUE_PARTS(STATS_HOUR_PARTS, STATS_HOUR_PARTS.HOUR, STATS_DAY_QUEUE_PARTS, STATS_DAY_QUEUE_PARTS.DAY,
                List.of("direction", "queue", "call_ended")),
        /** Which queues rang each operator (V15): a supervisor's queues, {@link CallOperatorRows#queues}. */
        OPERATOR_QUEUES(STATS_HOUR_PARTS, STATS_HOUR_PARTS.HOUR, STATS_DAY_OPERATOR_QUEUES,
                STATS_DAY_OPERATOR_QUEUES.DAY, List.of("direction", "user_id", "queue", "call_ended"));

        final Table<?> hourly;
        final Field<OffsetDateTime> hour;
        final Table<?> daily;
        final Field<OffsetDateTime> day;
        final List<String> keys;

        Rollup(Table<?> hourly, Field<OffsetDateTime> hour, Table<?> daily, Field<OffsetDateTime> day,
               List<String> keys) {
            this.hourly = hourly;
            this.hour = hour;
            this.daily = daily;
            this.day = day;
            this.keys = keys;
        }

        /** The daily table's figures: every column but the day and the keys. */
        List<String> figures() {
            List<String> figures = new ArrayList<>();
            for (Field<?> field : daily.fields()) {
                if (!field.getName().equals(day.getName()) && !keys.contains(field.getName())) {
                    figures.add(field.getName());
                }
            }
            return figures;
        }

        /** Whether the daily table keeps the columns a question narrows or groups by. */
        boolean keeps(Collection<String> columns) {
            return keys.containsAll(columns);
        }
    }

    /** What a question's rows are called: {@code rows.<column>}. */
    static final String ROWS = "rows";
    /** The start of a row's hour or day. */
    static final String AT = "at";

    private final BusinessDays days;

    DailyRollups(BusinessDays days) {
        this.days = Objects.requireNonNull(days, "days");
    }

    /** A column of {@link #rows}. */
    static <T> Field<T> column(String name, Class<T> type) {
        return DSL.field(DSL.name(ROWS, name), type);
    }

    /**
     * Recomputes the daily rows of the days the {@code hours} fall in, from their hourly rows (already recomputed).
     */
    void recompute(DSLContext tx, Collection<OffsetDateTime> hours) {
        Set<LocalDate> touched = new TreeSet<>();
        hours.forEach(hour -> touched.add(days.dayOf(hour.toInstant())));
        List<OffsetDateTime[]> spans = new ArrayList<>();
        for (LocalDate day : touched) {
            Instant start = days.start(day);
            Instant end = days.start(day.plusDays(1));
            if (HourlyAggregates.wholeHours(List.of(start, end))) {
                spans.add(new OffsetDateTime[] {utc(start), utc(end)});
            }
        }
        if (spans.isEmpty()) {
            return;
        }
        for (Rollup rollup : Rollup.values()) {
            OffsetDateTime[] starts = spans.stream().map(span -> span[0]).toArray(OffsetDateTime[]::new);
            tx.deleteFrom(rollup.daily).where(rollup.day.eq(DSL.any(starts))).execute();
            for (List<OffsetDateTime[]> chunk : chunks(spans, 500)) {
                insert(tx, rollup, chunk);
            }
        }
    }

    private static void insert(DSLContext tx, Rollup rollup, List<OffsetDateTime[]> spans) {
        Table<?> span = DSL.values(spans.stream()
                        .map(s -> DSL.row(DSL.val(s[0]), DSL.val(s[1])))
                        .toArray(org.jooq.Row2[]::new))
                .as("span", "starts", "ends");
        Field<OffsetDateTime> starts = span.field("starts", OffsetDateTime.class);
        Field<OffsetDateTime> ends = span.field("ends", OffsetDateTime.class);
        List<Field<?>> target = new ArrayList<>();
        List<SelectField<?>> values = new ArrayList<>();
        List<Field<?>> groups = new ArrayList<>();
        target.add(rollup.day);
        values.add(starts);
        groups.add(starts);
        for (String key : rollup.keys) {
            target.add(rollup.daily.field(key));
            values.add(rollup.hourly.field(key));
            groups.add(rollup.hourly.field(key));
        }
        for (String figure : rollup.figures()) {
            Field<?> into = rollup.daily.field(figure);
            target.add(into);
            values.add(aggregate(figure, rollup.hourly.field(figure), into.getType()));
        }
        tx.insertInto(rollup.daily).columns(target)
                .select((Select<? extends Record>) DSL.select(values)
                        .from(rollup.hourly).join(span)
                        .on(rollup.hour.ge(starts).and(rollup.hour.lt(ends)))
                        .groupBy(groups))
                .execute();
    }

    private static Field<?> aggregate(String figure, Field<?> hourly, Class<?> type) {
        if (figure.startsWith("longest")) {
            return DSL.max(hourly);
        }
        return DSL.sum(hourly.coerce(Double.class)).cast(type);
    }

    /**
     * The rows that add up to the figures of {@code period} (whole hours), narrowed by {@code where} (over the
     * columns' names, see {@link #column}): the daily rows of its whole days and the hourly rows of the rest, or only
     * hourly rows when {@code daysUsable} is false (a question narrowed by a key the daily table does not keep, or
     * asked per hour). Each row has the columns {@code columns} and {@link #AT}.
     */
    Table<?> rows(Rollup rollup, Period period, boolean daysUsable, List<String> columns) {
        Instant from = period.from();
        Instant to = period.to();
        Instant daysFrom = null;
        Instant daysTo = null;
        if (daysUsable) {
            LocalDate first = days.dayOf(from);
            if (days.start(first).isBefore(from)) {
                first = first.plusDays(1);
            }
            LocalDate last = days.dayOf(to.minusNanos(1)); // the last day that starts before the end
            if (days.start(last.plusDays(1)).isAfter(to)) {
                last = last.minusDays(1);
            }
            boolean whole = !last.isBefore(first);
            for (LocalDate day = first; whole && !day.isAfter(last.plusDays(1)); day = day.plusDays(1)) {
                whole = HourlyAggregates.wholeHours(List.of(days.start(day)));
            }
            if (whole) {
                daysFrom = days.start(first);
                daysTo = days.start(last.plusDays(1));
            }
        }
        if (daysFrom == null) {
            return select(rollup.hourly, rollup.hour, columns, between(rollup.hour, from, to)).asTable(ROWS);
        }
        Condition edges = between(rollup.hour, from, daysFrom).or(between(rollup.hour, daysTo, to));
        return select(rollup.hourly, rollup.hour, columns, edges)
                .unionAll(select(rollup.daily, rollup.day, columns, between(rollup.day, daysFrom, daysTo)))
                .asTable(ROWS);
    }

    private static org.jooq.SelectConditionStep<Record> select(Table<?> table, Field<OffsetDateTime> at,
                                                               List<String> columns, Condition where) {
        List<Field<?>> fields = new ArrayList<>();
        fields.add(at.as(AT));
        columns.forEach(name -> fields.add(Objects.requireNonNull(table.field(name), name)));
        return DSL.select(fields).from(table).where(where);
    }

    private static Condition between(Field<OffsetDateTime> at, Instant from, Instant to) {
        return at.ge(utc(from)).and(at.lt(utc(to)));
    }

    /** True when every moment starts one of the call centre's days: each stretch between them is whole days. */
    boolean dayStarts(List<Instant> moments) {
        return moments.stream().allMatch(at -> days.start(days.dayOf(at)).equals(at));
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static <T> List<List<T>> chunks(List<T> all, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            chunks.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return chunks;
    }
}
