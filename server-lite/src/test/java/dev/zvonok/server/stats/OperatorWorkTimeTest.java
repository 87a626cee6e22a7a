package dev.zvonok.server.stats;

import static dev.zvonok.server.db.schema.Tables.CALLS;
import static dev.zvonok.server.db.schema.Tables.CALL_OFFERS;
import static dev.zvonok.server.db.schema.Tables.STATS_DAY_WORK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.zvonok.model.board.WorkStatus;
import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.stats.OperatorFigures;
import dev.zvonok.server.auth.MutableClock;
import dev.zvonok.server.calls.RecorderFixture;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.workstatus.BreakReasons;
import dev.zvonok.server.workstatus.WorkStatuses;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Time logged in, on break by reason, and the occupancy, from the work-status log the real {@link WorkStatuses}
 * writes (the operators' app connecting, choosing a break, disconnecting) and the parts of their calls: each stretch
 * counts only inside the period, a stretch open now up to now, and the hourly rows and the calls agree.
 */
class OperatorWorkTimeTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final StatsSettings SETTINGS = StatsSettings.standard(MOSCOW);
    private static final Instant DAY = Instant.parse("2026-11-10T00:00:00Z");
    /** The period asked about: 09:00 to 17:00 UTC, whole hours. */
    private static final Period PERIOD = new Period(at(9, 0), at(17, 0));

    private final MutableClock clock = new MutableClock(at(8, 0));
    private long ivanov;
    private long petrov;
    private long sidorov;

    @BeforeEach
    void write() {
        db.clean();
        RecorderFixture fixture = new RecorderFixture(db.dsl());
        ivanov = fixture.userId("ivanov");
        petrov = fixture.userId("petrov");
        sidorov = fixture.userId("sidorov");
        WorkStatuses statuses = new WorkStatuses(db.dsl(), BreakReasons.DEFAULT, clock);

        // Иванов: connects before the period starts, lunch, training then lunch again, away an hour, back
        statuses.connected(ivanov);                                        // 08:00 available (crosses 09:00)
        then(10, 0, () -> statuses.set(ivanov, WorkStatus.BREAK, "lunch", null));
        then(10, 30, () -> statuses.set(ivanov, WorkStatus.AVAILABLE, null, null));
        then(12, 0, () -> statuses.set(ivanov, WorkStatus.BREAK, "training", null));
        then(12, 15, () -> statuses.set(ivanov, WorkStatus.BREAK, "lunch", null));
        then(12, 45, () -> statuses.set(ivanov, WorkStatus.AVAILABLE, null, null));
        then(13, 0, () -> statuses.disconnected(ivanov));
        then(14, 0, () -> statuses.connected(ivanov));                     // available, open from now on
        // Петров: in at 15:00, a meeting from 15:30 that runs past the period's end, out at 17:30
        then(15, 0, () -> statuses.connected(petrov));
        then(15, 30, () -> statuses.set(petrov, WorkStatus.BREAK, "meeting", null));
        then(17, 30, () -> statuses.disconnected(petrov));

        // Иванов's one call: 10 min of talk, 1 of it on hold, 2 min of wrap-up; Сидоров (never logged in) talked 30 s
        long call = db.dsl().insertInto(CALLS)
                .set(CALLS.LINKEDID, "c1").set(CALLS.DIRECTION, "inbound").set(CALLS.CALLER_NUMBER, "+79990000001")
                .set(CALLS.DISPOSITION, "answered").set(CALLS.STARTED_AT, utc(at(11, 0)))
                .set(CALLS.ANSWERED_AT, utc(at(11, 0).plusSeconds(5))).set(CALLS.ENDED_AT, utc(at(11, 10)))
                .returning(CALLS.ID).fetchOne(CALLS.ID);
        db.dsl().insertInto(CALL_OFFERS)
                .set(CALL_OFFERS.CALL_ID, call).set(CALL_OFFERS.EXTENSION, "777").set(CALL_OFFERS.USER_ID, ivanov)
                .set(CALL_OFFERS.RING_AT, utc(at(11, 0))).set(CALL_OFFERS.ANSWER_AT, utc(at(11, 0).plusSeconds(5)))
                .set(CALL_OFFERS.END_AT, utc(at(11, 0).plusSeconds(605))).set(CALL_OFFERS.RESULT, "answered")
                .set(CALL_OFFERS.TALK_MS, 600_000L).set(CALL_OFFERS.HOLD_MS, 60_000L)
                .set(CALL_OFFERS.FINISHED_AT, utc(at(11, 12).plusSeconds(5))).set(CALL_OFFERS.WRAP_UP_MS, 120_000L)
                .execute();
        db.dsl().insertInto(CALL_OFFERS)
                .set(CALL_OFFERS.CALL_ID, call).set(CALL_OFFERS.EXTENSION, "999").set(CALL_OFFERS.USER_ID, sidorov)
                .set(CALL_OFFERS.RING_AT, utc(at(11, 0))).set(CALL_OFFERS.ANSWER_AT, utc(at(11, 0).plusSeconds(5)))
                .set(CALL_OFFERS.END_AT, utc(at(11, 0).plusSeconds(35))).set(CALL_OFFERS.RESULT, "answered")
                .set(CALL_OFFERS.TALK_MS, 30_000L).set(CALL_OFFERS.HOLD_MS, 0L)
                .set(CALL_OFFERS.FINISHED_AT, utc(at(11, 0).plusSeconds(35))).set(CALL_OFFERS.WRAP_UP_MS, 0L)
                .execute();
    }

    @Test
    void askedDuringTheDayTheOpenStretchCountsUpToNow() {
        Instant now = at(16, 0);
        for (OperatorStatistics statistics : bothWays()) {
            Map<String, OperatorFigures> operators = byLogin(statistics.operators(PERIOD, StatsScope.everything(), now));

            OperatorFigures iv = operators.get("ivanov");
            // 09:00–13:00 (the 08:00 stretch clipped at the period's start) + 14:00–16:00 (open: up to now) = 6 h
            assertThat(iv.loggedInSeconds()).isEqualTo(6 * 3600);
            // lunch 10:00–10:30 + 12:15–12:45 = 60 min; training 12:00–12:15 = 15 min
            assertThat(iv.breakSeconds()).isEqualTo(75 * 60);
            assertThat(iv.breakSecondsByReason()).containsExactly(Map.entry("lunch", 3600L),
                    Map.entry("meeting", 0L), Map.entry("training", 900L));
            // (talk 600 s, its 60 s of hold within, + wrap-up 120 s) ÷ (21,600 − 4,500 s available)
            assertThat(iv.occupancy()).isCloseTo(720.0 / 17_100, within(1e-9));
            assertThat(iv.holdSeconds()).isEqualTo(60);
            assertThat(iv.avgHoldSeconds()).isEqualTo(60.0);

            OperatorFigures pe = operators.get("petrov");
            // 15:00–16:00, of it the meeting 15:30–16:00 (now): no call, so nothing of the 30 available minutes used
            assertThat(pe.offers()).isZero();
            assertThat(pe.loggedInSeconds()).isEqualTo(3600);
            assertThat(pe.breakSecondsByReason()).containsExactly(Map.entry("lunch", 0L), Map.entry("meeting", 1800L),
                    Map.entry("training", 0L));
            assertThat(pe.occupancy()).isZero();

            OperatorFigures si = operators.get("sidorov");
            assertThat(si.loggedInSeconds()).as("never logged in").isZero();
            assertThat(si.occupancy()).as("no available time: no occupancy, rather than a division by zero").isNull();
            assertThat(operators).as("the logged-in and those with a part, nobody else").hasSize(3);
        }
    }

    @Test
    void askedTheDayAfterEveryStretchEndsAtThePeriodsEnd() {
        Instant now = at(17, 0).plus(Duration.ofHours(15));
        for (OperatorStatistics statistics : bothWays()) {
            Map<String, OperatorFigures> operators = byLogin(statistics.operators(PERIOD, StatsScope.everything(), now));
            // Иванов: 09:00–13:00 + 14:00–17:00 (still open, cut at the period's end) = 7 h
            assertThat(operators.get("ivanov").loggedInSeconds()).isEqualTo(7 * 3600);
            assertThat(operators.get("ivanov").occupancy()).isCloseTo(720.0 / (7 * 3600 - 4500), within(1e-9));
            // Петров: 15:00–17:00, the meeting 15:30–17:00 (it went on to 17:30, outside)
            assertThat(operators.get("petrov").loggedInSeconds()).isEqualTo(2 * 3600);
            assertThat(operators.get("petrov").breakSeconds()).isEqualTo(90 * 60);
        }
    }

    @Test
    void wholeDaysComeFromTheDayRowsAndGiveWhatTheLogGives() {
        BusinessDays days = new BusinessDays(SETTINGS);
        LocalDate tenth = LocalDate.of(2026, 11, 10); // Moscow's day: 2026-11-09T21:00Z to 2026-11-10T21:00Z
        Instant next = at(17, 0).plus(Duration.ofHours(15)); // 08:00 UTC on the 11th, the day after
        for (OperatorStatistics statistics : bothWays()) {
            Map<String, OperatorFigures> day = byLogin(statistics.operators(days.days(tenth, tenth),
                    StatsScope.everything(), next));
            // Иванов: 08:00–13:00 + 14:00–21:00 (open, cut at the day's end) = 12 h, of it 75 min on break
            assertThat(day.get("ivanov").loggedInSeconds()).isEqualTo(12 * 3600);
            assertThat(day.get("ivanov").breakSeconds()).isEqualTo(75 * 60);
            assertThat(day.get("ivanov").occupancy()).isCloseTo(720.0 / (12 * 3600 - 4500), within(1e-9));
            // Петров: 15:00–17:30, the meeting 15:30–17:30
            assertThat(day.get("petrov").loggedInSeconds()).isEqualTo(9000);
            assertThat(day.get("petrov").breakSecondsByReason()).containsEntry("meeting", 7200L);

            // three days asked on the second: the 10th whole, the 11th up to now (Иванов's stretch still open)
            Map<String, OperatorFigures> three = byLogin(statistics.operators(days.days(tenth, tenth.plusDays(2)),
                    StatsScope.everything(), next));
            assertThat(three.get("ivanov").loggedInSeconds()).as("5 h + 14:00 to 08:00 the next day")
                    .isEqualTo(23 * 3600);
            assertThat(three.get("petrov").loggedInSeconds()).isEqualTo(9000);
        }
        assertThat(db.dsl().fetchCount(STATS_DAY_WORK, STATS_DAY_WORK.USER_ID.eq(ivanov)))
                .as("Иванов's closed stretches kept per day: available, lunch, training").isEqualTo(3);
    }

    @Test
    void aSupervisorSeesTheirTeamsTimeOnlyAndACallFilterOnlyThoseWithParts() {
        Instant now = at(16, 0);
        for (OperatorStatistics statistics : bothWays()) {
            assertThat(statistics.operators(PERIOD, StatsScope.of(Set.of(petrov), Set.of()), now))
                    .extracting(OperatorFigures::login, OperatorFigures::loggedInSeconds)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("petrov", 3600L));
            // a direction narrows the calls: who had none of them is not in the answer, logged in or not
            StatsScope inbound = StatsScope.everything()
                    .narrowedTo(new StatsFilter(null, null, null, CallDirection.INBOUND));
            assertThat(statistics.operators(PERIOD, inbound, now)).extracting(OperatorFigures::login)
                    .containsExactlyInAnyOrder("ivanov", "sidorov");
        }
    }

    @Test
    void theSummaryCountsTheHoldOnceInsideTheHandleTime() {
        for (OperatorStatistics statistics : bothWays()) {
            OperatorStatistics.Work work = statistics.work(PERIOD, StatsScope.everything(), at(16, 0));
            assertThat(work.talkSeconds()).isEqualTo(630);
            assertThat(work.holdSeconds()).isEqualTo(60);
            assertThat(work.wrapupSeconds()).isEqualTo(120);
            // (Иванов's 600 s, 60 s of hold within, + 120 s; Сидоров's 30 s + 0 s) ÷ 2 parts
            assertThat(work.ahtSeconds()).isEqualTo(375.0);
        }
    }

    private List<OperatorStatistics> bothWays() {
        HourlyAggregates hourly = new HourlyAggregates(db.dsl(), SETTINGS);
        hourly.adopt();
        return List.of(new OperatorStatistics(db.dsl(), SETTINGS), new OperatorStatistics(db.dsl(), SETTINGS, hourly));
    }

    private static Map<String, OperatorFigures> byLogin(List<OperatorFigures> figures) {
        return figures.stream().collect(java.util.stream.Collectors.toMap(OperatorFigures::login, f -> f));
    }

    private void then(int hour, int minute, Runnable action) {
        clock.advance(Duration.between(clock.instant(), at(hour, minute)));
        action.run();
    }

    private static Instant at(int hour, int minute) {
        return DAY.plus(Duration.ofHours(hour).plusMinutes(minute));
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
