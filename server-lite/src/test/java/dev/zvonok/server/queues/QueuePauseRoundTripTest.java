package dev.zvonok.server.queues;

import dev.zvonok.server.queues.ami.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zvonok.model.board.QueueMember;
import dev.zvonok.server.ami.AmiConnection;
import dev.zvonok.server.ami.AmiSettings;
import dev.zvonok.server.ami.EventClock;
import dev.zvonok.server.amiwire.AmiTrace;
import dev.zvonok.server.pbx.AmiAccount;
import dev.zvonok.server.pbx.AmiEndpoint;
import dev.zvonok.server.pbx.AsteriskIdentity;
import dev.zvonok.server.pbx.PbxReplay;
import dev.zvonok.server.pbx.PlaybackSpeed;
import dev.zvonok.server.pbx.TraceTimeline;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * QueuePause through asterisk-java against the project's AMI endpoint (playing the PJSIP PBX's queue call, so that it
 * knows the queues' members), the QueueMemberPause events coming back, the tracker showing them.
 */
class QueuePauseRoundTripTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final String RECORDING = "/ami-traces/pjsip/05-pjsip-queue-answered-by-888.ami";

    private PbxReplay replay;
    private AmiConnection connection;
    private AmiQueueTracking tracking;
    private final List<QueueTracker.MemberPause> pausesHeard = new CopyOnWriteArrayList<>();
    private final QueueTracker tracker = new QueueTracker(InstantSource.system(),
            QueueTrackerTest.TestPeople.OPERATORS_777_888, MemberInterfaces.defaults()).onMemberPause(pausesHeard::add);

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

    @Test
    void anOperatorIsPausedInEveryQueueWithTheReasonAndUnpausedAgain() throws Exception {
        AmiQueuePauser pauser = connectAfterTheRecording(AmiAccount.CRM);

        QueuePauseResult paused = pauser.pause(8, "lunch");

        assertThat(paused.result()).isEqualTo(QueuePauseResult.Result.DONE);
        assertThat(paused.interfaces()).containsExactlyInAnyOrder("PJSIP/888", "Local/888@from-queue/n");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(membersOf(8))
                .extracting(QueueMember::memberInterface, QueueMember::paused, QueueMember::pausedReason)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Local/888@from-queue/n", true, "lunch"),
                        org.assertj.core.groups.Tuple.tuple("PJSIP/888", true, "lunch")));
        assertThat(membersOf(7)).extracting(QueueMember::paused).containsOnly(false);
        assertThat(pausesHeard).extracting(QueueTracker.MemberPause::userId, QueueTracker.MemberPause::queue,
                QueueTracker.MemberPause::paused, QueueTracker.MemberPause::reason).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(8L, "support", true, "lunch"),
                org.assertj.core.groups.Tuple.tuple(8L, "sales", true, "lunch"));

        assertThat(pauser.unpause(8).result()).isEqualTo(QueuePauseResult.Result.DONE);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(membersOf(8))
                .extracting(QueueMember::paused, QueueMember::pausedReason)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(false, null)));
        // and the PBX says so too when asked again
        String relisted = tracking.requestStatus();
        await().atMost(PATIENCE).until(() -> relisted.equals(tracker.lastRebuild()));
        assertThat(membersOf(8)).extracting(QueueMember::paused).containsOnly(false);
    }

    @Test
    void aPauseSurvivesTheRebuildAfterAReconnect() throws Exception {
        AmiQueuePauser pauser = connectAfterTheRecording(AmiAccount.CRM);
        assertThat(pauser.pause(7, "training").done()).isTrue();
        await().atMost(PATIENCE).until(() -> membersOf(7).stream().allMatch(QueueMember::paused));
        String before = tracker.lastRebuild();

        replay.endpoint().dropAllConnections();

        await().atMost(PATIENCE).until(() -> tracker.lastRebuild() != null && !tracker.lastRebuild().equals(before));
        assertThat(membersOf(7)).extracting(QueueMember::paused, QueueMember::pausedReason)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(true, "training"));
    }

    @Test
    void anAccountWithoutAgentWritePermissionIsRefusedInThePbxsWords() throws Exception {
        AmiQueuePauser pauser = connectAfterTheRecording(AmiAccount.CTI); // write = call,originate

        QueuePauseResult outcome = pauser.pause(8, "lunch");

        assertThat(outcome.result()).isEqualTo(QueuePauseResult.Result.REFUSED);
        assertThat(outcome.message()).startsWith("Permission denied")
                .contains("add 'agent' to the 'write =' line of [cti]");
        assertThat(connection.missingPermissions()).contains("write: agent (queue pause on a break)");
    }

    @Test
    void anInterfaceThePbxDoesNotHaveIsRefusedAsNotFound() throws Exception {
        AmiQueuePauser pauser = connectAfterTheRecording(AmiAccount.CRM);
        // the board believes 777 is also SIP/777 in "support" (say, from an old configuration); the PBX does not
        tracker.accept(new QueueEvent.MemberUpdated(Instant.now(), "support", "SIP/777", "Operator 777", 1, false,
                "", false));

        QueuePauseResult outcome = pauser.pause(7, "lunch");

        assertThat(outcome.result()).isEqualTo(QueuePauseResult.Result.REFUSED);
        assertThat(outcome.message()).isEqualTo("SIP/777: Interface not found");
        await().atMost(PATIENCE).until(() -> membersOf(7).stream()
                .filter(member -> !member.memberInterface().equals("SIP/777")).allMatch(QueueMember::paused));
    }

    @Test
    void anOperatorInNoQueueHasNothingToPause() throws Exception {
        AmiQueuePauser pauser = connectAfterTheRecording(AmiAccount.CRM);

        assertThat(pauser.pause(42, "lunch").result()).isEqualTo(QueuePauseResult.Result.NOT_A_MEMBER);
    }

    @Test
    void withoutThePbxThePauseSaysSo() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        connection = new AmiConnection(AmiSettings.of("127.0.0.1", closedPort, "crm", "crm-secret"), event -> { });
        tracker.accept(new QueueEvent.MemberUpdated(Instant.now(), "support", "PJSIP/888", "Operator 888", 1, false,
                "", false));

        QueuePauseResult outcome = new AmiQueuePauser(connection, tracker).pause(8, "lunch");

        assertThat(outcome.result()).isEqualTo(QueuePauseResult.Result.NOT_CONNECTED);
        assertThat(outcome.message()).contains("not connected");
    }

    private AmiQueuePauser connectAfterTheRecording(AmiAccount account) throws InterruptedException {
        AmiTrace recorded = AmiTrace.loadResource(RECORDING);
        replay = PbxReplay.start(AmiEndpoint.builder().identity(AsteriskIdentity.ASTERISK_22),
                PlaybackSpeed.asFastAsPossible());
        assertThat(replay.player().schedule(TraceTimeline.of(recorded).events(), Duration.ZERO).await(PATIENCE))
                .isTrue();
        connection = new AmiConnection(AmiSettings.of("127.0.0.1", replay.endpoint().port(), account.username(),
                account.secret()), event -> { });
        tracking = new AmiQueueTracking(connection, tracker, EventClock.pbxOrReceived()).start();
        connection.start();
        assertThat(connection.awaitConnected(PATIENCE)).isTrue();
        await().atMost(PATIENCE).until(() -> tracker.lastRebuild() != null);
        assertThat(tracker.interfacesOf(8)).hasSize(2);
        return new AmiQueuePauser(connection, tracker);
    }

    private List<QueueMember> membersOf(long userId) {
        return tracker.queues().stream().flatMap(queue -> queue.members().stream())
                .filter(member -> member.userId() != null && member.userId() == userId).toList();
    }
}
