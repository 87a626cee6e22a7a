package dev.zvonok.server.stats;

import static dev.zvonok.server.db.schema.Tables.STATS_DAY_WORK;
import static dev.zvonok.server.db.schema.Tables.USERS;
import static dev.zvonok.server.db.schema.Tables.WORK_STATUS_LOG;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.server.db.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The work time added up from the rows kept per day ({@link WorkDays}, V14) equals the work-status log's own sum, to
 * the millisecond, on random logs: stretches across midnight, across the day boundary and across a clock change
 * (Berlin's, both ways, with boundaries at midnight, at 06:00 and at 02:30 — inside the skipped and the repeated
 * hour), of no length, still open; periods starting and ending mid-day or on a day's start, asked before, during
 * and after them; an admin's, a supervisor's and a filtered scope. The log is written as the server writes it (a
 * stretch opened, then closed), then edited and partly deleted, so that the trigger's every path keeps the rows; the
 * rows equal a rebuild's, and stay exact when the zone's day boundary changes.
 */
class WorkDaysPropertyTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final List<String> REASONS = List.of("lunch", "training", "meeting", "other");

    @BeforeEach
    void clean() {
        db.clean();
    }

    @ParameterizedTest(name = "seed {0}, from {1}")
    @CsvSource({
            "1, 2026-10-22T00:00:00Z", // Berlin falls back on 25 October (03:00 → 02:00)
            "2, 2026-03-26T00:00:00Z", // and springs forward on 29 March (02:00 → 03:00)
            "3, 2026-10-23T13:17:00Z",
            "4, 2026-03-27T21:45:00Z"})
    void theKeptDaysGiveWhatTheLogGives(long seed, String windowStart) {
        Random random = new Random(seed);
        Instant from = Instant.parse(windowStart);
        Instant until = from.plus(Duration.ofDays(6));
        List<StatsSettings> settings = List.of(settings(LocalTime.MIDNIGHT), settings(LocalTime.of(6, 0)),
                settings(LocalTime.of(2, 30)));
        WorkDays first = new WorkDays(db.dsl(), settings.get(0));
        first.adopt(); // the rows kept as the log is written, for the first settings
        List<Long> users = users(6);
        write(random, users, from, until);
        assertThat(db.dsl().fetchCount(STATS_DAY_WORK)).as("the trigger kept rows").isPositive();

        List<String> kept = dayRows();
        assertThat(first.rebuild()).isEqualTo(kept.size());
        assertThat(dayRows()).as("a rebuild gives the rows the trigger kept").isEqualTo(kept);

        for (StatsSettings setting : settings) {
            WorkDays days = new WorkDays(db.dsl(), setting);
            WorkTime fromTheLog = new WorkTime(db.dsl());
            WorkTime fromTheDays = new WorkTime(db.dsl(), days);
            BusinessDays businessDays = new BusinessDays(setting);
            int withWholeDays = 0;
            for (int i = 0; i < 60; i++) {
                Period period = period(random, businessDays, from, until);
                Instant now = now(random, from, until);
                for (StatsScope scope : scopes(random, users)) {
                    Map<Long, WorkTime.Of> expected = fromTheLog.of(period, scope, now);
                    assertThat(fromTheDays.of(period, scope, now))
                            .as("seed %d, %s, period %s, now %s, %s", seed, setting.dayStartsAt(), period, now, scope)
                            .isEqualTo(expected);
                }
                Instant to = period.to().isAfter(now) ? now : period.to();
                if (to.isAfter(period.from()) && days.wholeDays(period.from(), to).isPresent()) {
                    withWholeDays++;
                }
            }
            assertThat(days.current()).as("asking adopted the settings").isTrue();
            assertThat(withWholeDays).as("questions that used day rows").isGreaterThan(10);
        }
    }

    /** Sequences of stretches per operator, written as the server does, then some closed earlier and some deleted. */
    private void write(Random random, List<Long> users, Instant from, Instant until) {
        List<Long> closed = new ArrayList<>();
        for (long user : users) {
            Instant at = from.plus(micros(random, Duration.ofHours(12)));
            while (at.isBefore(until)) {
                boolean onBreak = random.nextInt(3) == 0;
                Instant end = at.plus(random.nextInt(12) == 0 ? Duration.ZERO : micros(random, Duration.ofHours(30)));
                long id = db.dsl().insertInto(WORK_STATUS_LOG)
                        .set(WORK_STATUS_LOG.USER_ID, user)
                        .set(WORK_STATUS_LOG.STATUS, onBreak ? "break" : "available")
                        .set(WORK_STATUS_LOG.REASON, onBreak ? REASONS.get(random.nextInt(REASONS.size())) : null)
                        .set(WORK_STATUS_LOG.STARTED_AT, utc(at))
                        .set(WORK_STATUS_LOG.SOURCE, "app")
                        .returning(WORK_STATUS_LOG.ID).fetchOne(WORK_STATUS_LOG.ID);
                if (end.isAfter(until) && random.nextBoolean()) {
                    break; // still open
                }
                db.dsl().update(WORK_STATUS_LOG).set(WORK_STATUS_LOG.ENDED_AT, utc(end))
                        .where(WORK_STATUS_LOG.ID.eq(id)).execute();
                closed.add(id);
                // back at once (a change of status) or after a while offline
                at = random.nextBoolean() ? end : end.plus(micros(random, Duration.ofHours(20)));
            }
        }
        for (int i = 0; i < 5 && !closed.isEmpty(); i++) {
            long id = closed.remove(random.nextInt(closed.size()));
            if (random.nextBoolean()) {
                db.dsl().deleteFrom(WORK_STATUS_LOG).where(WORK_STATUS_LOG.ID.eq(id)).execute();
            } else {
                // closed earlier (never before it began), as a correction would
                db.dsl().update(WORK_STATUS_LOG)
                        .set(WORK_STATUS_LOG.ENDED_AT, DSL.field("started_at + (ended_at - started_at) / 3",
                                OffsetDateTime.class))
                        .where(WORK_STATUS_LOG.ID.eq(id)).execute();
            }
        }
    }

    private static Period period(Random random, BusinessDays days, Instant from, Instant until) {
        long span = Duration.between(from, until).toSeconds();
        Instant start = from.plusSeconds(random.nextLong(span)).plusNanos(random.nextInt(1_000_000) * 1000L);
        Instant end = start.plus(micros(random, Duration.ofDays(4)));
        switch (random.nextInt(4)) {
            case 0 -> start = days.start(days.dayOf(start)); // from a day's start
            case 1 -> end = days.start(days.dayOf(end).plusDays(1)); // to a day's end
            case 2 -> {
                LocalDate first = days.dayOf(start);
                return days.days(first, first.plusDays(random.nextInt(4))); // whole days
            }
            default -> {
                // both mid-day
            }
        }
        return new Period(start, end);
    }

    private static Instant now(Random random, Instant from, Instant until) {
        return switch (random.nextInt(3)) {
            case 0 -> until.plus(Duration.ofDays(30)); // long after
            default -> from.plus(micros(random, Duration.between(from, until).plusDays(1)));
        };
    }

    private static List<StatsScope> scopes(Random random, List<Long> users) {
        Set<Long> team = new HashSet<>();
        users.forEach(user -> {
            if (random.nextBoolean()) {
                team.add(user);
            }
        });
        Set<Long> picked = Set.of(users.get(random.nextInt(users.size())));
        return List.of(StatsScope.everything(), StatsScope.of(team, Set.of()),
                StatsScope.everything().narrowedTo(new StatsFilter(picked, null, null, null)),
                StatsScope.of(team, Set.of()).narrowedTo(new StatsFilter(picked, null, null, null)));
    }

    private List<String> dayRows() {
        return db.dsl().selectFrom(STATS_DAY_WORK)
                .orderBy(STATS_DAY_WORK.DAY, STATS_DAY_WORK.USER_ID, STATS_DAY_WORK.STATUS, STATS_DAY_WORK.REASON)
                .fetch(r -> r.intoList().toString());
    }

    private List<Long> users(int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(db.dsl().insertInto(USERS, USERS.LOGIN, USERS.DISPLAY_NAME, USERS.PASSWORD_HASH, USERS.ROLE)
                    .values("op" + i, "Operator " + i, "-", "operator").returning(USERS.ID).fetchOne(USERS.ID));
        }
        return ids;
    }

    private static StatsSettings settings(LocalTime boundary) {
        return new StatsSettings(BERLIN, boundary, 20, 5, Duration.ofMinutes(30));
    }

    /** A random length up to {@code max}, to the microsecond (the log's precision). */
    private static Duration micros(Random random, Duration max) {
        return Duration.of(random.nextLong(max.toNanos() / 1000), ChronoUnit.MICROS);
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
