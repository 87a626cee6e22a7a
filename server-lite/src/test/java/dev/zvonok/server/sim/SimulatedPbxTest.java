package dev.zvonok.server.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.call.TransferKind;
import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.ami.AmiCallTracking;
import dev.zvonok.server.ami.AmiSettings;
import dev.zvonok.server.ami.EventClock;
import dev.zvonok.server.pbx.AmiAccount;
import dev.zvonok.server.pbx.AmiEndpoint;
import dev.zvonok.server.pbx.PlaybackSpeed;
import dev.zvonok.server.tracking.CallEvent;
import dev.zvonok.server.tracking.CallRecord;
import dev.zvonok.server.tracking.ExtensionPatternEndpoints;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.response.ManagerResponse;
import org.junit.jupiter.api.Test;

/** The demo's PBX, followed by the real client stack: its loop yields the scenario's calls, Originate places one. */
class SimulatedPbxTest {

    private static final ShapeLibrary SHAPES = ShapeLibrary.load();

    private final List<CallEvent> events = new CopyOnWriteArrayList<>();

    @Test
    void theDemoLoopPlaysItsRoundsAgainAndAgainWithFreshCalls() throws Exception {
        PbxSimulator simulator = new PbxSimulator(SHAPES, Instant.now(), 11);
        DemoScenario scenario = new DemoScenario(simulator, DemoScenario.Settings.defaults()
                .withTimes(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(1)));
        try (SimulatedPbx pbx = SimulatedPbx.start(AmiEndpoint.builder(), simulator, PlaybackSpeed.times(40));
             AmiCallTracking tracking = tracking(pbx.endpoint().port())) {
            pbx.loopDemo(scenario, Duration.ZERO);
            tracking.start();

            // two rounds of six calls
            await().atMost(Duration.ofSeconds(30)).until(() -> endedCalls().size() >= 12);

            List<CallRecord> calls = endedCalls().subList(0, 12);
            assertThat(calls).extracting(CallRecord::linkedid).doesNotHaveDuplicates();
            assertThat(calls).extracting(CallRecord::disposition).containsExactly(
                    CallDisposition.ANSWERED, CallDisposition.ANSWERED, CallDisposition.ANSWERED,
                    CallDisposition.ANSWERED, CallDisposition.ANSWERED, CallDisposition.MISSED,
                    CallDisposition.ANSWERED, CallDisposition.ANSWERED, CallDisposition.ANSWERED,
                    CallDisposition.ANSWERED, CallDisposition.ANSWERED, CallDisposition.MISSED);
            assertThat(calls.subList(0, 6)).extracting(CallRecord::answeredBy)
                    .containsExactly("777", "888", "777", "888", "777", null);
            assertThat(calls.get(4).transfers()).singleElement()
                    .satisfies(t -> assertThat(t.kind()).isEqualTo(TransferKind.BLIND));
            assertThat(calls.get(2).queue()).isEqualTo("support");
        }
    }

    @Test
    void anOriginateFromTheClientRingsTheOperatorThenTheNumber() throws Exception {
        PbxSimulator simulator = new PbxSimulator(SHAPES, Instant.now(), 12);
        try (SimulatedPbx pbx = SimulatedPbx.start(AmiEndpoint.builder(), simulator, PlaybackSpeed.times(20));
             AmiCallTracking tracking = tracking(pbx.endpoint().port())) {
            tracking.start();
            assertThat(tracking.connection().awaitConnected(Duration.ofSeconds(10))).isTrue();

            OriginateAction originate = new OriginateAction();
            originate.setChannel("SIP/888");
            originate.setContext("from-internal");
            originate.setExten("89161234567");
            originate.setPriority(1);
            originate.setAsync(true);
            ManagerResponse response = tracking.connection().send(originate);

            assertThat(response.getResponse()).isEqualTo("Success");
            assertThat(response.getMessage()).isEqualTo("Originate successfully queued");
            await().atMost(Duration.ofSeconds(10)).until(() -> !endedCalls().isEmpty());
            CallRecord call = endedCalls().getFirst();
            assertThat(call.direction()).isEqualTo(CallDirection.OUTBOUND);
            assertThat(call.caller()).isEqualTo("888");
            assertThat(call.dialed()).isEqualTo("+79161234567");
            assertThat(call.disposition()).isEqualTo(CallDisposition.ANSWERED);
        }
    }

    private AmiCallTracking tracking(int port) {
        AmiSettings settings = AmiSettings.of("127.0.0.1", port, AmiAccount.CRM.username(), AmiAccount.CRM.secret());
        return new AmiCallTracking(settings, PhoneNumbers.russian(), ExtensionPatternEndpoints.standard(),
                EventClock.pbxOrReceived(), events::add);
    }

    private List<CallRecord> endedCalls() {
        return events.stream().filter(CallEvent.CallEnded.class::isInstance)
                .map(e -> ((CallEvent.CallEnded) e).record()).toList();
    }
}
