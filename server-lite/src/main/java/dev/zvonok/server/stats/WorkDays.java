package dev.zvonok.server.stats;

import static dev.zvonok.server.db.schema.Tables.STATS_DAYS;
import static dev.zvonok.server.db.schema.Tables.STATS_DAYS_SETTINGS;
import static dev.zvonok.server.db.schema.Tables.STATS_DAY_WORK;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Keeps the operators' work time per business day ({@code stats_day_work}, V14) for the call centre's days: writes
 * the days ({@code stats_days}) as {@link BusinessDays} counts them, and recomputes every day's rows from the
 * work-status log when they were kept for another zone or day boundary ({@link #adopt}) or on demand
 * ({@link #rebuild}). Between those, the database's trigger keeps the rows of each day a stretch touches as the log
 * is written, in the writer's transaction.
 *
 * <p>The days are written from {@link #FIRST} to {@link #LAST}; a question about time outside them reads the log.
 */
public final class WorkDays {

    /** The first day kept: before it, no call centre ran Zvonok. */
    static final LocalDate FIRST = LocalDate.of(2000, 1, 1);
    /** The day after the last one kept. */
    static final LocalDate LAST = LocalDate.of(2100, 1, 1);
    /** Rebuilds hold it exclusively, the log's writers (the V14 trigger) shared: a rebuild never misses a write. */
    private static final long LOCK = 0x5A54494D45444159L;

    private final DSLContext dsl;
    private final StatsSettings settings;
    private final BusinessDays days;

    public WorkDays(DSLContext dsl, StatsSettings settings) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.days = new BusinessDays(settings);
    }

    /**
     * Makes the rows those of these settings' days: when they were kept for another zone or day boundary, or never
     * (a log older than V14), the days are written again and every day's rows recomputed.
     *
     * @return true when they had to be
     */
    public boolean adopt() {
        if (current()) {
            return false;
        }
        return dsl.transactionResult(configuration -> {
            DSLContext tx = DSL.using(configuration);
            lock(tx);
            if (current(tx)) {
                return false;
            }
            recomputeEverything(tx);
            return true;
        });
    }

    /** Recomputes every day's rows from the log: {@code server-lite stats rebuild}. Returns the rows written. */
    public int rebuild() {
        return dsl.transactionResult(configuration -> {
            DSLContext tx = DSL.using(configuration);
            lock(tx);
            return recomputeEverything(tx);
        });
    }

    /** True when the rows are kept for these settings' days. */
    boolean current() {
        return current(dsl);
    }

    private boolean current(DSLContext context) {
        Record stored = context.selectFrom(STATS_DAYS_SETTINGS).where(STATS_DAYS_SETTINGS.ID.eq(1)).fetchOne();
        return stored != null && settings.zone().getId().equals(stored.get(STATS_DAYS_SETTINGS.ZONE))
                && settings.dayStartsAt().equals(stored.get(STATS_DAYS_SETTINGS.DAY_STARTS_AT));
    }

    /**
     * The whole days inside {@code [from, to)} that rows are kept for, as one period; empty when not one day is.
     */
    Optional<Period> wholeDays(Instant from, Instant to) {
        // (loops, not ifs: around a clock change a boundary the clocks skipped starts its day later than dayOf says)
        LocalDate first = days.dayOf(from);
        while (days.start(first).isBefore(from)) {
            first = first.plusDays(1);
        }
        LocalDate end = days.dayOf(to); // the day after the last whole one
        while (days.start(end).isAfter(to)) {
            end = end.minusDays(1);
        }
        if (first.isBefore(FIRST)) {
            first = FIRST;
        }
        if (end.isAfter(LAST)) {
            end = LAST;
        }
        if (!first.isBefore(end)) {
            return Optional.empty();
        }
        return Optional.of(new Period(days.start(first), days.start(end)));
    }

    private int recomputeEverything(DSLContext tx) {
        if (!current(tx)) {
            writeDays(tx);
        }
        tx.deleteFrom(STATS_DAY_WORK).execute();
        // years of log in one statement: its groups (day × operator × status × reason) fit in memory, not on disk
        tx.execute("set local work_mem = '256MB'");
        tx.execute("select stats_day_work_add(array(select day from stats_days order by day), null)");
        return tx.fetchCount(STATS_DAY_WORK);
    }

    private void writeDays(DSLContext tx) {
        List<OffsetDateTime> starts = new ArrayList<>();
        for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
            starts.add(OffsetDateTime.ofInstant(days.start(day), ZoneOffset.UTC));
        }
        tx.deleteFrom(STATS_DAYS).execute();
        tx.insertInto(STATS_DAYS, STATS_DAYS.DAY)
                .select(DSL.select(DSL.field("unnest({0})", OffsetDateTime.class,
                        DSL.val(starts.toArray(OffsetDateTime[]::new)))))
                .execute();
        tx.insertInto(STATS_DAYS_SETTINGS)
                .set(STATS_DAYS_SETTINGS.ID, 1)
                .set(STATS_DAYS_SETTINGS.ZONE, settings.zone().getId())
                .set(STATS_DAYS_SETTINGS.DAY_STARTS_AT, settings.dayStartsAt())
                .onConflict(STATS_DAYS_SETTINGS.ID).doUpdate()
                .set(STATS_DAYS_SETTINGS.ZONE, settings.zone().getId())
                .set(STATS_DAYS_SETTINGS.DAY_STARTS_AT, settings.dayStartsAt())
                .execute();
    }

    private static void lock(DSLContext tx) {
        tx.execute("select pg_advisory_xact_lock(?)", LOCK);
    }
}
