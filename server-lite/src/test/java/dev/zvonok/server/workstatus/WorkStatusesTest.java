package dev.zvonok.server.workstatus;

import static dev.zvonok.server.db.schema.Tables.WORK_STATUS_LOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.zvonok.model.board.WorkStatus;
import dev.zvonok.server.calls.RecorderFixture;
import dev.zvonok.server.db.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Work statuses against the real database: the log, the queue pause seam, the phone's pauses, restarts. */
class WorkStatusesTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final Instant NINE = Instant.parse("2026-12-01T06:00:00Z");

    private final HandClock clock = new HandClock(NINE);
    private final List<String> told = new ArrayList<>();
    private final List<String> pbxAsked = new ArrayList<>();
    private long ivanov;
    private WorkStatuses statuses;

    @BeforeEach
    void seed() {
        db.clean();
        ivanov = new RecorderFixture(db.dsl()).userId("ivanov");
        statuses = fresh();
    }

    private WorkStatuses fresh() {
        WorkStatuses made = new WorkStatuses(db.dsl(), BreakReasons.DEFAULT, clock);
        made.listen((userId, status, problem, answering) -> told.add(userId + " " + status.status().wireName() + " "
                + status.reason() + " " + problem + " " + answering));
        return made;
    }

    /** A PBX whose queues refuse every pause: the queue side's seam as a failing implementation. */
    private final QueuePauser refusing = new QueuePauser() {
        @Override
        public PauseOutcome pause(long userId, String reason) {
            pbxAsked.add("pause " + userId + " " + reason);
            return new PauseOutcome.Failed("queue support: permission denied");
        }

        @Override
        public PauseOutcome unpause(long userId) {
            pbxAsked.add("unpause " + userId);
            return new PauseOutcome.Done();
        }
    };

    @Test
    void aBreakThePbxRefusesStillChangesTheStatusAndSaysWhy() {
        statuses.pauseQueuesThrough(refusing);
        statuses.connected(ivanov);
        clock.advance(Duration.ofMinutes(30));

        WorkStatuses.Outcome outcome = statuses.set(ivanov, WorkStatus.BREAK, "lunch", "r1");

        assertThat(outcome).isEqualTo(new WorkStatuses.Outcome.Changed(
                new CurrentStatus(WorkStatus.BREAK, "lunch", NINE.plus(Duration.ofMinutes(30))),
                "queue support: permission denied"));
        assertThat(pbxAsked).containsExactly("pause " + ivanov + " lunch");
        assertThat(told).containsExactly(ivanov + " break lunch queue support: permission denied r1");
        assertThat(db.dsl().selectFrom(WORK_STATUS_LOG).orderBy(WORK_STATUS_LOG.ID).fetch())
                .extracting(r -> r.getStatus(), r -> r.getStartedAt().toInstant(),
                        r -> r.getEndedAt() == null ? null : r.getEndedAt().toInstant(), r -> r.getPbxProblem())
                .containsExactly(tuple("available", NINE, NINE.plus(Duration.ofMinutes(30)), null),
                        tuple("break", NINE.plus(Duration.ofMinutes(30)), null, "queue support: permission denied"));

        assertThat(statuses.set(ivanov, WorkStatus.BREAK, "lunch", "r2"))
                .as("a double click: no second stretch, no second pause")
                .isEqualTo(new WorkStatuses.Outcome.Changed(
                        new CurrentStatus(WorkStatus.BREAK, "lunch", NINE.plus(Duration.ofMinutes(30))), null));
        assertThat(pbxAsked).hasSize(1);
        assertThat(statuses.set(ivanov, WorkStatus.BREAK, null, "r3")).isInstanceOf(WorkStatuses.Outcome.Refused.class);
        assertThat(statuses.set(ivanov, null, null, "r4")).isInstanceOf(WorkStatuses.Outcome.Refused.class);
    }

    @Test
    void aPauseOnThePhoneIsABreakAndZvonoksOwnPauseComingBackChangesNothing() {
        statuses.fromPbx(ivanov, true, "Lunch");
        assertThat(told).as("not connected: no status to change").isEmpty();

        statuses.connected(ivanov);
        clock.advance(Duration.ofMinutes(5));
        statuses.fromPbx(ivanov, true, "smoke");
        assertThat(statuses.current(ivanov)).contains(
                new CurrentStatus(WorkStatus.BREAK, "other", NINE.plus(Duration.ofMinutes(5))));
        assertThat(told).containsExactly(ivanov + " break other null null");
        assertThat(db.dsl().fetchOne(WORK_STATUS_LOG, WORK_STATUS_LOG.ENDED_AT.isNull()).getSource())
                .isEqualTo("phone");

        statuses.fromPbx(ivanov, true, "lunch");
        assertThat(told).as("already on a break").hasSize(1);
        statuses.set(ivanov, WorkStatus.AVAILABLE, null, "r1");
        statuses.fromPbx(ivanov, false, null);
        assertThat(told).as("the PBX following Zvonok's unpause").hasSize(2);
    }

    @Test
    void aRestartKeepsTheOpenStretchAndAComebackAfterLongIsAvailableAndUnpaused() {
        statuses.connected(ivanov);
        statuses.set(ivanov, WorkStatus.BREAK, "meeting", "r1");

        WorkStatuses afterRestart = fresh();
        afterRestart.pauseQueuesThrough(refusing);
        clock.advance(Duration.ofMinutes(40));
        assertThat(afterRestart.connected(ivanov)).as("the open row holds")
                .isEqualTo(new CurrentStatus(WorkStatus.BREAK, "meeting", NINE));
        assertThat(pbxAsked).isEmpty();

        afterRestart.disconnected(ivanov);
        clock.advance(WorkStatuses.RESUME_WITHIN.plusSeconds(1));
        assertThat(afterRestart.connected(ivanov)).as("gone longer than a dropped network")
                .isEqualTo(CurrentStatus.available(clock.instant()));
        assertThat(pbxAsked).as("the queues follow").containsExactly("unpause " + ivanov);
        assertThat(db.dsl().fetchCount(WORK_STATUS_LOG, WORK_STATUS_LOG.ENDED_AT.isNull())).isOne();
    }

    private static final class HandClock extends Clock {
        private Instant now;

        HandClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
