package dev.zvonok.server.board;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.model.board.BoardChange;
import dev.zvonok.model.board.BoardOperator;
import dev.zvonok.model.board.BoardQueue;
import dev.zvonok.model.board.BoardReplica;
import dev.zvonok.model.board.BoardSnapshot;
import dev.zvonok.model.board.MemberState;
import dev.zvonok.model.board.OperatorState;
import dev.zvonok.model.board.QueueChange;
import dev.zvonok.model.board.QueueMember;
import dev.zvonok.model.board.WaitingCaller;
import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.OfferResult;
import dev.zvonok.model.directory.CallerView;
import dev.zvonok.model.directory.Role;
import dev.zvonok.model.stats.InboundCounters;
import dev.zvonok.model.stats.StatisticsState;
import dev.zvonok.server.calls.RecorderFixture;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.directory.ChangeRecorder;
import dev.zvonok.server.directory.TeamDetails;
import dev.zvonok.server.directory.TeamRepository;
import dev.zvonok.server.tracking.CallEvent;
import dev.zvonok.server.tracking.CallInfo;
import dev.zvonok.server.workstatus.CurrentStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The board's delivery with the real directory (PostgreSQL) and the queue and counters seams as the queue and
 * statistics sides will plug them in: coalescing, versions, and the scope of queues and counters.
 */
class BoardTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    private RecorderFixture fixture;
    private final FakeQueues queues = new FakeQueues();
    private final List<String> countersAsked = new CopyOnWriteArrayList<>();
    private Board board;
    private volatile Instant dayStart = T0.minus(Duration.ofHours(9));
    private volatile StatisticsState statistics = StatisticsState.READY;
    private final List<Runnable> countersListeners = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        db.clean();
        fixture = new RecorderFixture(db.dsl());
        TodayCountersSource counters = new TodayCountersSource() {
            @Override
            public Instant dayStart(Instant now) {
                return dayStart;
            }

            @Override
            public InboundCounters total(BoardScope scope, Set<String> queueNames, Instant now) {
                countersAsked.add(scope.everything() + " " + new java.util.TreeSet<>(queueNames));
                return counts(queueNames.size());
            }

            @Override
            public InboundCounters ofQueue(String queue, Instant now) {
                return counts(queue.length());
            }

            @Override
            public StatisticsState statistics() {
                return statistics;
            }

            @Override
            public void onChange(Runnable listener) {
                countersListeners.add(listener);
            }
        };
        // a window that never comes: the test sends the changes itself, so nothing depends on timing
        board = new Board(fixture.directory, queues, counters, Clock.fixed(T0, ZoneOffset.UTC), Duration.ofHours(1));
    }

    @AfterEach
    void stop() {
        board.close();
    }

    private static InboundCounters counts(long total) {
        return new InboundCounters(total, 0, 0, 0, 0, 0, null, null, null, null, null, 20, 0);
    }

    @Test
    void manyEventsWithinAWindowAreOneFrameAndAQuietWindowIsNone() {
        long ivanov = fixture.userId("ivanov");
        Frames supervisor = new Frames();
        board.connected(ivanov, CurrentStatus.available(T0), List.of());
        board.subscribe("s", fixture.userId("supervisor"), Role.SUPERVISOR, "r", supervisor);
        board.sendChanges();
        assertThat(supervisor.snapshots).singleElement().satisfies(s -> assertThat(s.version()).isOne());

        CallInfo call = new CallInfo("c1", CallDirection.INBOUND, "+79271390907", "+74951234500", null, T0);
        for (int round = 0; round < 20; round++) {
            board.calls().onCallEvent(new CallEvent.OfferRinging("c1", T0.plusSeconds(round), "777", call, null));
            board.calls().onCallEvent(new CallEvent.OfferEnded("c1", T0.plusSeconds(round), "777",
                    OfferResult.MISSED, null));
        }
        board.calls().onCallEvent(new CallEvent.OfferAnswered("c1", T0.plusSeconds(30), "777", call));
        board.sendChanges();
        assertThat(supervisor.changes).as("41 events, one frame").singleElement().satisfies(change -> {
            assertThat(change.baseVersion()).isEqualTo(1);
            assertThat(change.version()).isEqualTo(2);
            assertThat(change.operators()).as("Ivanov's tile is on the board already").isEmpty();
            assertThat(change.operatorChanges()).singleElement().satisfies(tile -> {
                assertThat(tile.userId()).isEqualTo(ivanov);
                assertThat(tile.state()).isEqualTo(OperatorState.TALKING);
                assertThat(tile.name()).as("unchanged, not sent").isNull();
                assertThat(tile.calls()).singleElement()
                        .satisfies(c -> assertThat(c.caller().name()).isEqualTo("Автодом Волга"));
            });
        });
        board.sendChanges();
        assertThat(supervisor.changes).as("nothing changed: nothing sent").hasSize(1);
    }

    @Test
    void aNewBusinessDayIsSentOnceWithoutWaitingForOtherChanges() {
        Frames supervisor = new Frames();
        board.subscribe("s", fixture.userId("supervisor"), Role.SUPERVISOR, "r", supervisor);
        board.sendChanges();
        assertThat(supervisor.changes).isEmpty();

        dayStart = T0.plus(Duration.ofHours(15)); // the day boundary passed
        board.sendChanges();
        board.sendChanges();
        assertThat(supervisor.changes).singleElement().satisfies(change -> {
            assertThat(change.dayStart()).isEqualTo(T0.plus(Duration.ofHours(15)));
            assertThat(change.baseVersion()).isEqualTo(supervisor.snapshots.getFirst().version());
        });
    }

    @Test
    void theBoardSaysWhileTheStatisticsAreRecomputedAndTellsWhenTheyAreBack() {
        statistics = StatisticsState.RECOMPUTING;
        Frames supervisor = new Frames();
        board.subscribe("s", fixture.userId("supervisor"), Role.SUPERVISOR, "r", supervisor);
        board.sendChanges();
        assertThat(supervisor.snapshots).singleElement()
                .satisfies(s -> assertThat(s.statistics()).isEqualTo(StatisticsState.RECOMPUTING));
        assertThat(supervisor.changes).as("nothing new to say").isEmpty();

        statistics = StatisticsState.READY; // the recompute ended: the counters' source says so
        countersListeners.forEach(Runnable::run);
        board.sendChanges();
        board.sendChanges();
        assertThat(supervisor.changes).singleElement().satisfies(change -> {
            assertThat(change.statistics()).isEqualTo(StatisticsState.READY);
            assertThat(change.baseVersion()).isEqualTo(supervisor.snapshots.getFirst().version());
        });
    }

    @Test
    void aSupervisorSeesTheQueuesOfTheirOperatorsAndCountsOverThem() {
        long ivanov = fixture.userId("ivanov");
        long petrov = fixture.userId("petrov");
        TeamRepository teams = new TeamRepository(db.dsl(), fixture.directory);
        teams.create(new TeamDetails("A", null), List.of(fixture.userId("supervisor"), ivanov), ChangeRecorder.none());
        teams.create(new TeamDetails("B", null), List.of(petrov), ChangeRecorder.none());
        queues.set(queue("support", ivanov, 0), queue("sales", petrov, 0));

        Frames supervisor = new Frames();
        Frames admin = new Frames();
        board.subscribe("s", fixture.userId("supervisor"), Role.SUPERVISOR, "r1", supervisor);
        board.subscribe("a", fixture.userId("admin"), Role.ADMIN, "r2", admin);
        board.sendChanges();

        BoardSnapshot own = supervisor.snapshots.getFirst();
        assertThat(own.operators()).extracting(BoardOperator::userId).containsExactly(ivanov);
        assertThat(own.queues()).extracting(BoardQueue::name).containsExactly("support");
        assertThat(own.queues().getFirst().counters().total()).as("the queue's own counters").isEqualTo(7);
        assertThat(own.counters().total()).as("counted over the queues the supervisor sees").isEqualTo(1);
        assertThat(own.dayStart()).isEqualTo(T0.minus(Duration.ofHours(9)));
        assertThat(admin.snapshots.getFirst().queues()).extracting(BoardQueue::name)
                .containsExactly("support", "sales");
        assertThat(countersAsked).contains("false [support]", "true [sales, support]");

        queues.set(queue("support", ivanov, 0), queue("sales", petrov, 2));
        board.sendChanges();
        assertThat(supervisor.changes).as("another team's queue moved").isEmpty();
        assertThat(admin.changes).singleElement().satisfies(change ->
                assertThat(change.queueChanges()).extracting(QueueChange::name).containsExactly("sales"));

        queues.set(queue("support", ivanov, 1), queue("sales", petrov, 2));
        board.sendChanges();
        assertThat(supervisor.changes).singleElement().satisfies(change -> {
            assertThat(change.queueChanges()).singleElement().satisfies(q -> {
                assertThat(q.waiting()).hasSize(1);
                assertThat(q.members()).as("the member did not change").isEmpty();
            });
            assertThat(change.version()).isEqualTo(2);
        });
        BoardReplica adminsCopy = new BoardReplica();
        adminsCopy.reset(admin.snapshots.getFirst());
        admin.changes.forEach(change ->
                assertThat(adminsCopy.apply(change)).isEqualTo(BoardReplica.Applied.APPLIED));
        assertThat(adminsCopy.queues()).extracting(q -> q.name() + " " + q.waiting().size() + " " + q.members())
                .containsExactlyElementsOf(queues.queues().stream()
                        .map(q -> q.name() + " " + q.waiting().size() + " " + q.members()).toList());
    }

    private static BoardQueue queue(String name, long member, int waiting) {
        List<WaitingCaller> callers = new ArrayList<>();
        for (int i = 1; i <= waiting; i++) {
            callers.add(new WaitingCaller(name + i, "+7999000000" + i, CallerView.UNKNOWN, T0, i));
        }
        return new BoardQueue(name, callers, 0,
                List.of(new QueueMember("PJSIP/" + member, member, null, MemberState.NOT_IN_USE, false, null)), null);
    }

    /** The queue side's seam: holds the queues and says when they change. */
    private static final class FakeQueues implements QueueSource {
        private volatile List<BoardQueue> now = List.of();
        private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

        void set(BoardQueue... queues) {
            now = List.of(queues);
            listeners.forEach(Runnable::run);
        }

        @Override
        public List<BoardQueue> queues() {
            return now;
        }

        @Override
        public void onChange(Runnable listener) {
            listeners.add(listener);
        }
    }

    private static final class Frames implements BoardSubscriber {
        final List<BoardSnapshot> snapshots = new CopyOnWriteArrayList<>();
        final List<BoardChange> changes = new CopyOnWriteArrayList<>();

        @Override
        public void snapshot(String ref, BoardSnapshot snapshot) {
            snapshots.add(snapshot);
        }

        @Override
        public void changed(BoardChange change) {
            changes.add(change);
        }

        @Override
        public void unsubscribed(String ref) {
        }
    }
}
