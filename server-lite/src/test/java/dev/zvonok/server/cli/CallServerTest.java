package dev.zvonok.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.calls.CallQuery;
import dev.zvonok.server.calls.CallSummary;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.pbx.AmiEndpoint;
import dev.zvonok.server.pbx.PlaybackSpeed;
import dev.zvonok.server.sim.DemoScenario;
import dev.zvonok.server.sim.PbxSimulator;
import dev.zvonok.server.sim.ShapeLibrary;
import dev.zvonok.server.sim.SimulatedPbx;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The demo's wiring end to end: simulated PBX -> asterisk-java -> tracker -> recorder -> PostgreSQL. */
class CallServerTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @Test
    void followsTheSimulatedPbxIntoTheDatabaseWithCallersIdentified() throws Exception {
        PhoneNumbers numbers = PhoneNumbers.russian();
        PbxSimulator simulator = new PbxSimulator(ShapeLibrary.load(), Instant.now(), 5);
        DemoScenario scenario = new DemoScenario(simulator, DemoScenario.Settings.defaults()
                .withTimes(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(1)));
        try (SimulatedPbx pbx = SimulatedPbx.start(AmiEndpoint.builder(), simulator, PlaybackSpeed.times(25));
             LiveServer live = LiveServer.start(db.settings(), pbx.endpoint())) {
            CallServer server = live.server;
            pbx.loopDemo(scenario, Duration.ZERO);

            await().atMost(Duration.ofSeconds(30)).until(() -> endedCalls(server).size() >= 6); // a whole round

            List<CallSummary> dealerCalls = endedCalls(server).stream()
                    .filter(call -> "+79271390907".equals(numbers.normalize(call.callerNumber()))).toList();
            assertThat(dealerCalls).allSatisfy(call -> assertThat(call.callerName()).isEqualTo("Автодом Волга"));
            assertThat(dealerCalls).extracting(CallSummary::disposition).as("answered first, missed at the round's end")
                    .contains(dev.zvonok.model.call.CallDisposition.ANSWERED,
                            dev.zvonok.model.call.CallDisposition.MISSED);
            assertThat(server.tracking().stats().failures()).isZero();
        }
    }

    private static List<CallSummary> endedCalls(CallServer server) {
        return server.calls().search(CallQuery.all().page(0, 100)).items().stream()
                .filter(call -> call.disposition() != null).toList();
    }
}
