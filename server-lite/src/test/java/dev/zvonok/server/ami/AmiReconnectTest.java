package dev.zvonok.server.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.db.TcpProxy;
import dev.zvonok.server.pbx.AmiAccount;
import dev.zvonok.server.pbx.AmiEndpoint;
import dev.zvonok.server.pbx.PbxReplay;
import dev.zvonok.server.pbx.Playback;
import dev.zvonok.server.pbx.PlaybackSpeed;
import dev.zvonok.server.pbx.TraceTimeline;
import dev.zvonok.server.tracking.CallEvent;
import dev.zvonok.server.tracking.CallRecord;
import dev.zvonok.server.tracking.ExpectedCalls;
import dev.zvonok.server.tracking.ExtensionPatternEndpoints;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The PBX connection drops in the middle of calls and comes back: the connection recovers by itself and the resync
 * from CoreShowChannels makes the tracker end up exactly where it would have been, with no call lost or doubled.
 */
class AmiReconnectTest {

    /** Trace 11: call A rings 777 at 1.0 s, answered 3.5 s, ends 9.5 s; call B rings 888 at 2.5 s, answered 5.5 s, ends 12.5 s. */
    private static final String OVERLAPPING = "/ami-traces/11-two-overlapping-inbound.ami";
    private static final double SPEED = 5;

    private final List<CallEvent> events = new CopyOnWriteArrayList<>();

    @Test
    void anAnswerMissedDuringTheOutageIsLearnedFromTheChannelList() throws Exception {
        try (PbxReplay pbx = PbxReplay.start(AmiEndpoint.builder(), PlaybackSpeed.times(SPEED));
             AmiCallTracking tracking = tracking(pbx.endpoint().port())) {
            Playback playback = pbx.playAfterFirstLogin(TraceTimeline.loadResource(OVERLAPPING), Duration.ZERO);
            tracking.start();

            // out from 4.5 s to about 7 s of trace time: B's answer (5.5 s) happens while we are away
            outage(pbx.endpoint(), traceTime(4_500), traceTime(2_500));
            assertThat(playback.await(Duration.ofSeconds(20))).isTrue();
            tracking.resyncAndWait(Duration.ofSeconds(5));

            assertThat(tracking.connection().connects()).isEqualTo(2);
            ExpectedCalls.assertMatches("11-two-overlapping-inbound", endedCalls());
            assertThat(events).filteredOn(CallEvent.OfferRinging.class::isInstance).hasSize(2);
        }
    }

    @Test
    void aCallThatEndedDuringTheOutageIsClosedOnceAndTheOtherGoesOn() throws Exception {
        try (PbxReplay pbx = PbxReplay.start(AmiEndpoint.builder(), PlaybackSpeed.times(SPEED));
             AmiCallTracking tracking = tracking(pbx.endpoint().port())) {
            Playback playback = pbx.playAfterFirstLogin(TraceTimeline.loadResource(OVERLAPPING), Duration.ZERO);
            tracking.start();

            // out from 8.5 s to about 11 s: A's hangup (9.5 s) is never seen live
            outage(pbx.endpoint(), traceTime(8_500), traceTime(2_500));
            assertThat(playback.await(Duration.ofSeconds(20))).isTrue();
            tracking.resyncAndWait(Duration.ofSeconds(5));

            List<CallRecord> calls = endedCalls();
            assertThat(calls).extracting(CallRecord::answeredBy).containsExactlyInAnyOrder("777", "888");
            assertThat(calls).extracting(CallRecord::disposition).containsOnly(CallDisposition.ANSWERED);
            assertThat(tracking.stats().asMap().get("closed_by_resync")).isEqualTo(2L);
        }
    }

    /**
     * The network between us and the PBX stops carrying anything, in both directions, and closes nothing (a NAT that
     * forgot the connection): the silence is noticed, the dead link dropped within seconds, and the connection made
     * again once packets flow. The goal is 3 s (docs/benchmarks.md); the bound here is loose for a shared machine.
     */
    @Test
    void aLinkThatGoesSilentWithoutClosingIsDroppedWithinSecondsAndMadeAgainWhenTheNetworkIsBack() throws Exception {
        try (PbxReplay pbx = PbxReplay.start(AmiEndpoint.builder(), PlaybackSpeed.times(SPEED));
             TcpProxy network = new TcpProxy(pbx.endpoint().port());
             AmiCallTracking tracking = tracking(network.port())) {
            AmiConnection connection = tracking.connection();
            tracking.start();
            assertThat(connection.awaitConnected(Duration.ofSeconds(10))).isTrue();
            CompletableFuture<String> loss = connection.nextLoss();

            long frozenAt = System.nanoTime();
            network.freeze();
            String why = loss.get(5, TimeUnit.SECONDS);
            long detectedMillis = (System.nanoTime() - frozenAt) / 1_000_000;
            AmiConnection.State stateAtLoss = connection.state();

            System.out.printf("Dead link detected %d ms after the network froze (%s)%n", detectedMillis, why);
            assertThat(stateAtLoss).isNotEqualTo(AmiConnection.State.CONNECTED);
            assertThat(why).contains("no answer to Ping");
            assertThat(connection.lastError()).isNotNull();
            assertThat(network.openConnections()).as("nothing was closed by the network").isPositive();

            network.thaw();
            await().atMost(Duration.ofSeconds(10)).until(() -> connection.connects() == 2
                    && connection.state() == AmiConnection.State.CONNECTED);
            assertThat(connection.lastError()).isNull();
        }
    }

    @Test
    void aCallThatEndsWhileTheLinkIsSilentlyDeadIsRecordedWithTheOutcomeThatWasSeenNotAGuess() throws Exception {
        try (PbxReplay pbx = PbxReplay.start(AmiEndpoint.builder(), PlaybackSpeed.times(SPEED));
             TcpProxy network = new TcpProxy(pbx.endpoint().port());
             AmiCallTracking tracking = tracking(network.port())) {
            AmiConnection connection = tracking.connection();
            // trace 02: 777 rings from 1 s; nobody answers; the PBX gives up at 7 s
            Playback playback = pbx.playAfterFirstLogin(
                    TraceTimeline.loadResource("/ami-traces/02-inbound-no-answer.ami"), Duration.ZERO);
            tracking.start();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> events.stream().anyMatch(CallEvent.OfferRinging.class::isInstance));
            CompletableFuture<String> loss = connection.nextLoss();

            network.freeze(); // a NAT forgets the connection: no FIN, no RST, nothing
            long frozenAt = System.nanoTime();
            loss.get(5, TimeUnit.SECONDS);
            long detectedMillis = (System.nanoTime() - frozenAt) / 1_000_000;
            assertThat(playback.await(Duration.ofSeconds(20))).as("the call ended on the PBX meanwhile").isTrue();
            network.thaw();
            await().atMost(Duration.ofSeconds(10)).until(() -> connection.connects() == 2);
            tracking.resyncAndWait(Duration.ofSeconds(5));

            System.out.printf("Dead link detected %d ms after the network froze%n", detectedMillis);
            assertThat(detectedMillis).as("noticed within seconds, not the old 20").isLessThan(5_000);
            // it rang; whether it was answered, missed or abandoned while we were blind is not ours to say
            assertThat(endedCalls()).singleElement().satisfies(call -> {
                assertThat(call.disposition()).isEqualTo(CallDisposition.UNKNOWN);
                assertThat(call.answeredBy()).isNull();
                assertThat(call.offers()).singleElement().satisfies(offer -> {
                    assertThat(offer.extension()).isEqualTo("777");
                    assertThat(offer.result()).isEqualTo(dev.zvonok.model.call.OfferResult.UNKNOWN);
                });
            });
        }
    }

    @Test
    void aQuietButLiveLinkIsKeptWhateverItsSilence() throws Exception {
        try (PbxReplay pbx = PbxReplay.start(AmiEndpoint.builder(), PlaybackSpeed.times(SPEED));
             AmiCallTracking tracking = tracking(pbx.endpoint().port())) {
            AmiConnection connection = tracking.connection();
            tracking.start();
            assertThat(connection.awaitConnected(Duration.ofSeconds(10))).isTrue();
            CompletableFuture<String> loss = connection.nextLoss();

            // no events at all for several ping rounds: only the Pongs speak
            await().atMost(Duration.ofSeconds(10)).until(() -> pbx.endpoint().pingsAnswered() >= 4);

            assertThat(loss).isNotDone();
            assertThat(connection.connects()).isEqualTo(1);
        }
    }

    @Test
    void keepsKnockingWithGrowingPausesUntilThePbxIsBack() throws Exception {
        try (PbxReplay pbx = PbxReplay.start(AmiEndpoint.builder(), PlaybackSpeed.times(SPEED))) {
            pbx.endpoint().stopAccepting();
            try (AmiCallTracking tracking = tracking(pbx.endpoint().port())) {
                tracking.start();
                await().atMost(Duration.ofSeconds(5))
                        .until(() -> tracking.connection().lastError() != null);
                assertThat(tracking.connection().state()).isNotEqualTo(AmiConnection.State.CONNECTED);

                pbx.endpoint().resumeAccepting();
                assertThat(tracking.connection().awaitConnected(Duration.ofSeconds(10))).isTrue();
                assertThat(tracking.connection().connects()).isEqualTo(1);
            }
        }
    }

    private AmiCallTracking tracking(int port) {
        // back within 0.3 s of the PBX listening again (B's hangup follows at speed 5): a 400 ms cap missed it at
        // times on a loaded machine, and the resync then closed B too
        AmiSettings settings = AmiSettings.of("127.0.0.1", port, AmiAccount.CRM.username(), AmiAccount.CRM.secret())
                .withReconnect(Duration.ofMillis(20), Duration.ofMillis(100));
        return new AmiCallTracking(settings, PhoneNumbers.russian(), ExtensionPatternEndpoints.standard(),
                EventClock.pbxOrReceived(), events::add);
    }

    /** Waits until {@code from} after the first login, then drops every client and refuses them for {@code length}. */
    private static void outage(AmiEndpoint endpoint, Duration from, Duration length) throws Exception {
        endpoint.firstLogin().get();
        Thread.sleep(from.toMillis());
        endpoint.refuseConnectionsFor(length);
        endpoint.dropAllConnections();
    }

    private static Duration traceTime(long millis) {
        return Duration.ofMillis(Math.round(millis / SPEED));
    }

    private List<CallRecord> endedCalls() {
        return events.stream().filter(CallEvent.CallEnded.class::isInstance)
                .map(e -> ((CallEvent.CallEnded) e).record()).toList();
    }
}
