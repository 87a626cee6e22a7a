package dev.zvonok.server.queues;

import dev.zvonok.server.queues.ami.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import dev.zvonok.model.board.BoardQueue;
import dev.zvonok.model.board.MemberState;
import dev.zvonok.model.board.QueueMember;
import dev.zvonok.model.board.WaitingCaller;
import dev.zvonok.server.ami.AmiConnection;
import dev.zvonok.server.ami.AmiSettings;
import dev.zvonok.server.ami.EventClock;
import dev.zvonok.server.amiwire.AmiTrace;
import dev.zvonok.server.amiwire.TimedMessage;
import dev.zvonok.server.pbx.AmiAccount;
import dev.zvonok.server.pbx.AmiEndpoint;
import dev.zvonok.server.pbx.AsteriskIdentity;
import dev.zvonok.server.pbx.PbxReplay;
import dev.zvonok.server.pbx.PlaybackSpeed;
import dev.zvonok.server.pbx.TraceTimeline;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The recorded queue calls replayed by the project's AMI endpoint over real TCP, asterisk-java logged in to it, the
 * queue tracker fed through {@link AmiQueueTracking}: the waiting lists while the callers wait and after they leave,
 * the members at the end, and the same picture rebuilt by {@code QueueStatus} when connecting in the middle.
 */
class QueueReplayTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private PbxReplay replay;
    private AmiConnection connection;
    private AmiQueueTracking tracking;
    private final QueueTracker tracker = new QueueTracker(InstantSource.system(),
            QueueTrackerTest.TestPeople.OPERATORS_777_888, MemberInterfaces.defaults());

    /** A recording, its queue, the members it ends with, and its callers in the order they joined. */
    record Case(String resource, String queue, List<String> members, List<String> callers) {
        @Override
        public String toString() {
            return resource.substring(resource.lastIndexOf('/') + 1);
        }
    }

    static Stream<Arguments> recordings() {
        return Stream.of(
                new Case("/ami-traces/05-inbound-queue-answered-by-888.ami", "support",
                        List.of("SIP/777", "SIP/888"), List.of("1795288692.8 89271390907")),
                new Case("/ami-traces/14-queue-local-members.ami", "sales",
                        List.of("Local/777@from-queue/n", "Local/888@from-queue/n"),
                        List.of("1795289276.94 89271390907")),
                new Case("/ami-traces/pjsip/05-pjsip-queue-answered-by-888.ami", "support",
                        List.of("PJSIP/777", "PJSIP/888"), List.of("1796403431.8 +79035550105")),
                new Case("/ami-traces/pjsip/20-pjsip-local-queue-two-devices.ami", "sales",
                        List.of("Local/777@from-queue/n", "Local/888@from-queue/n"),
                        List.of("1796405099.224 89051239101", "1796405108.232 +79051239102")))
                .map(Arguments::of);
    }

    @AfterEach
    void close() {
        if (tracking != null) {
            tracking.close();
        }
        if (connection != null) {
            connection.close();
        }
        if (replay != null) {
            replay.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void callersWaitWhileQueuedAndLeaveWhenAnswered(Case recording) throws Exception {
        TraceTimeline trace = start(recording.resource());
        connect(AmiAccount.CRM);

        int joined = 0;
        for (List<TimedMessage> segment : segmentsEndingAtQueueCallers(trace)) {
            play(segment);
            if (segment.getLast().message().isEvent("QueueCallerJoin")) {
                String expected = recording.callers().get(joined++);
                await().atMost(PATIENCE).untilAsserted(() -> assertThat(waiting(recording.queue()))
                        .extracting(w -> w.callId() + " " + w.callerNumber() + " #" + w.position())
                        .containsExactly(expected + " #1"));
            } else {
                await().atMost(PATIENCE).untilAsserted(() -> assertThat(waiting(recording.queue())).isEmpty());
            }
        }
        assertThat(joined).isEqualTo(recording.callers().size());

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(queue(recording.queue()).members())
                .extracting(QueueMember::memberInterface, QueueMember::userId, QueueMember::state,
                        QueueMember::paused)
                .containsExactly(tuple(recording.members().get(0), 7L, MemberState.NOT_IN_USE, false),
                        tuple(recording.members().get(1), 8L, MemberState.NOT_IN_USE, false)));
        assertThat(queue(recording.queue()).longestWaitSeconds()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void connectingMidCallRebuildsTheSamePictureFromQueueStatus(Case recording) throws Exception {
        TraceTimeline trace = start(recording.resource());
        List<TimedMessage> beforeJoin = segmentsEndingAtQueueCallers(trace).getFirst();
        int firstJoin = beforeJoin.size();
        // the caller waits and the members have been rung: everything up to the caller's leaving
        List<TimedMessage> whileWaiting = trace.events().subList(0, indexOfFirst(trace, "QueueCallerLeave"));
        QueueTracker heardLive = new QueueTracker(InstantSource.system(),
                QueueTrackerTest.TestPeople.OPERATORS_777_888, MemberInterfaces.defaults());
        QueueEventMapper mapper = new QueueEventMapper(EventClock.pbxOrReceived());
        var builder = new org.asteriskjava.manager.internal.LibraryEventBuilder();
        whileWaiting.forEach(timed -> {
            QueueEvent event = mapper.map(builder.build(this, timed.message()));
            if (event != null) {
                heardLive.accept(event);
            }
        });
        play(whileWaiting); // nobody is logged in yet

        connect(AmiAccount.CRM);

        assertThat(firstJoin).isLessThan(whileWaiting.size());
        assertThat(essentials(tracker.queues())).isEqualTo(essentials(heardLive.queues()));
        assertThat(waiting(recording.queue())).extracting(WaitingCaller::callId)
                .containsExactly(recording.callers().getFirst().split(" ")[0]);

        // and after every reconnect
        String firstRebuild = tracker.lastRebuild();
        replay.endpoint().dropAllConnections();
        await().atMost(PATIENCE).until(() -> tracker.lastRebuild() != null
                && !tracker.lastRebuild().equals(firstRebuild));
        assertThat(essentials(tracker.queues())).isEqualTo(essentials(heardLive.queues()));

        play(trace.events().subList(whileWaiting.size(), trace.events().size()));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(waiting(recording.queue())).isEmpty());
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private TraceTimeline start(String resource) {
        AmiTrace recorded = AmiTrace.loadResource(resource);
        replay = PbxReplay.start(AmiEndpoint.builder().identity(AsteriskIdentity.recordedIn(recorded)),
                PlaybackSpeed.asFastAsPossible());
        return TraceTimeline.of(recorded);
    }

    /** Logs in, and waits until the first QueueStatus answer has been applied. */
    private void connect(AmiAccount account) throws InterruptedException {
        connection = new AmiConnection(AmiSettings.of("127.0.0.1", replay.endpoint().port(), account.username(),
                account.secret()), event -> { });
        tracking = new AmiQueueTracking(connection, tracker, EventClock.pbxOrReceived()).start();
        connection.start();
        assertThat(connection.awaitConnected(PATIENCE)).isTrue();
        await().atMost(PATIENCE).until(() -> tracker.lastRebuild() != null);
    }

    private void play(List<TimedMessage> events) throws InterruptedException {
        assertThat(replay.player().schedule(events, Duration.ZERO).await(PATIENCE)).isTrue();
    }

    /** The recording cut right after each QueueCallerJoin and QueueCallerLeave; the rest is the last segment. */
    static List<List<TimedMessage>> segmentsEndingAtQueueCallers(TraceTimeline trace) {
        List<List<TimedMessage>> segments = new ArrayList<>();
        List<TimedMessage> current = new ArrayList<>();
        for (TimedMessage timed : trace.events()) {
            current.add(timed);
            if (timed.message().isEvent("QueueCallerJoin") || timed.message().isEvent("QueueCallerLeave")) {
                segments.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            segments.add(current);
        }
        return segments;
    }

    private static int indexOfFirst(TraceTimeline trace, String event) {
        for (int i = 0; i < trace.events().size(); i++) {
            if (trace.events().get(i).message().isEvent(event)) {
                return i;
            }
        }
        throw new AssertionError("no " + event + " in " + trace.name());
    }

    private BoardQueue queue(String name) {
        return tracker.queue(name).orElseThrow(() -> new AssertionError("no queue " + name + ": " + tracker.queues()));
    }

    private List<WaitingCaller> waiting(String name) {
        return tracker.queue(name).map(BoardQueue::waiting).orElse(List.of());
    }

    /** What both paths must agree on: the join time is the PBX's by one and ours by the other. */
    private static List<String> essentials(List<BoardQueue> queues) {
        List<String> lines = new ArrayList<>();
        for (BoardQueue queue : queues) {
            lines.add("queue " + queue.name());
            queue.waiting().forEach(w -> lines.add("  waits " + w.position() + " " + w.callId() + " "
                    + w.callerNumber() + " " + w.caller()));
            queue.members().forEach(m -> lines.add("  member " + m));
        }
        return lines;
    }
}
