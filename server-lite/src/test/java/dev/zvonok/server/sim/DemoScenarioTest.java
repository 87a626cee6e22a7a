package dev.zvonok.server.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.server.amiwire.TimedMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoScenarioTest {

    private static ShapeLibrary shapes;

    @BeforeAll
    static void loadShapes() {
        shapes = ShapeLibrary.load();
    }

    @Test
    void aRoundIsTheSixCallsOneAfterTheOther() {
        DemoScenario demo = new DemoScenario(new PbxSimulator(shapes, Instant.now(), 1), DemoScenario.Settings.defaults());
        DemoScenario.Round round = demo.round(0, 0);
        assertThat(round.calls()).extracting(SimulatedCall::shape).containsExactly(Shape.DIRECT_ANSWERED,
                Shape.DIRECT_ANSWERED_OPERATOR_HANGS_UP, Shape.QUEUE_ANSWERED, Shape.RING_GROUP_ANSWERED,
                Shape.BLIND_TRANSFER, Shape.DIRECT_NO_ANSWER);
        assertThat(round.calls()).extracting(call -> call.spec().party(Role.OPERATOR))
                .containsExactly("777", "888", "777", "888", "777", "777");
        assertThat(round.calls()).extracting(call -> call.spec().party(Role.EXTERNAL_NUMBER))
                .containsExactly("89271390907", "+79991234567", "+74957654321", "89161234567", "+79035551234",
                        "89271390907");
        for (int i = 1; i < round.calls().size(); i++) {
            assertThat(round.calls().get(i).startMillis()).isEqualTo(round.calls().get(i - 1).endMillis() + 3_000);
        }
        assertThat(round.messages()).extracting(TimedMessage::atMillis).isSorted();
        assertThat(round.messages()).hasSize(round.calls().stream().mapToInt(SimulatedCall::size).sum());
        assertThat(round.endMillis()).isEqualTo(round.calls().get(5).endMillis() + 3_000);
        DemoScenario.Round later = demo.round(1, 100_000);
        assertThat(later.messagesFromStart().get(0).atMillis()).isZero();
        assertThat(later.messagesFromStart()).hasSameSizeAs(later.messages());
    }

    @Test
    void roundsGoOnForEverWithFreshIdsAndTheOtherOperatorLeading() {
        DemoScenario demo = new DemoScenario(new PbxSimulator(shapes, Instant.now(), 1), DemoScenario.Settings.defaults());
        Iterator<DemoScenario.Round> rounds = demo.rounds(500);
        List<DemoScenario.Round> some = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            some.add(rounds.next());
        }
        assertThat(some.get(0).startMillis()).isEqualTo(500);
        Set<String> linkedids = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < some.size(); i++) {
            DemoScenario.Round round = some.get(i);
            if (i > 0) {
                assertThat(round.startMillis()).isEqualTo(some.get(i - 1).endMillis());
                assertThat(round.messages().get(0).atMillis()).isGreaterThanOrEqualTo(some.get(i - 1).endMillis());
            }
            round.calls().forEach(call -> assertThat(linkedids.add(call.linkedid())).isTrue());
            List<String> roundIds = ShapeFidelityTest.ids(round.messages());
            assertThat(java.util.Collections.disjoint(roundIds, ids)).as("round %d ids are fresh", i).isTrue();
            ids.addAll(roundIds);
        }
        assertThat(some.get(1).calls().get(2).spec().party(Role.OPERATOR)).isEqualTo("888");
        assertThat(some.get(1).calls().get(4).spec().party(Role.TRANSFER_TARGET)).isEqualTo("777");
    }

    @Test
    void theEndlessMessageStreamIsInTimeOrder() {
        DemoScenario demo = new DemoScenario(new PbxSimulator(shapes, Instant.now(), 2),
                DemoScenario.Settings.defaults().withOperators("101", "102"));
        Iterator<TimedMessage> messages = demo.messages(0);
        long previous = 0;
        for (int i = 0; i < 5_000; i++) {
            TimedMessage next = messages.next();
            assertThat(next.atMillis()).isGreaterThanOrEqualTo(previous);
            previous = next.atMillis();
        }
        assertThat(previous).isGreaterThan(5 * 60_000L); // several rounds of about two minutes
    }
}
