package dev.zvonok.server.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.server.amiwire.TimedMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {

    private static ShapeLibrary shapes;

    @BeforeAll
    static void loadShapes() {
        shapes = ShapeLibrary.load();
    }

    private static List<ScheduledCall> arrivals(LoadGenerator.Settings settings, Duration span) {
        Iterator<ScheduledCall> schedule = new LoadGenerator(new PbxSimulator(shapes, Instant.EPOCH, 1), settings)
                .schedule(0);
        List<ScheduledCall> calls = new ArrayList<>();
        for (ScheduledCall call = schedule.next(); call.startMillis() < span.toMillis(); call = schedule.next()) {
            calls.add(call);
        }
        return calls;
    }

    @Test
    void callsArriveAtTheRequestedRate() {
        List<ScheduledCall> calls = arrivals(LoadGenerator.Settings.of(1000, 1999, 50), Duration.ofMinutes(4));
        assertThat(calls).hasSizeBetween(11_400, 12_600); // 12,000 expected; a Poisson count is within 5 %
        assertThat(calls).extracting(ScheduledCall::startMillis).isSorted();
        int[] perMinute = new int[4];
        calls.forEach(call -> perMinute[(int) (call.startMillis() / 60_000)]++);
        for (int minute : perMinute) {
            assertThat(minute).isBetween(2_750, 3_250);
        }
    }

    @Test
    void operatorsTakeEvenTurns() {
        List<ScheduledCall> calls = arrivals(LoadGenerator.Settings.of(1000, 1999, 50), Duration.ofMinutes(4));
        Map<String, Integer> perOperator = new HashMap<>();
        calls.forEach(call -> perOperator.merge(call.spec().party(Role.OPERATOR), 1, Integer::sum));
        assertThat(perOperator).hasSize(1000);
        int fewest = perOperator.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
        int most = perOperator.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        assertThat(most - fewest).isLessThanOrEqualTo(1);
        for (ScheduledCall call : calls) {
            for (Role role : List.of(Role.OTHER_MEMBER, Role.TRANSFER_TARGET, Role.CALLED_OPERATOR)) {
                if (call.spec().shape().has(role)) {
                    assertThat(Integer.parseInt(call.spec().party(role))).isBetween(1000, 1999);
                }
            }
        }
    }

    @Test
    void theMixAndTheWaitsAreAsAsked() {
        LoadGenerator.Settings settings = LoadGenerator.Settings.of(1000, 1099, 20)
                .withWaits(Wait.Kind.TALKING, LoadGenerator.WaitRange.seconds(30, 40));
        List<ScheduledCall> calls = arrivals(settings, Duration.ofMinutes(10));
        Map<Shape, Integer> perShape = new EnumMap<>(Shape.class);
        calls.forEach(call -> perShape.merge(call.spec().shape(), 1, Integer::sum));
        double total = settings.mix().values().stream().mapToDouble(Double::doubleValue).sum();
        settings.mix().forEach((shape, weight) -> assertThat(perShape.getOrDefault(shape, 0) / (double) calls.size())
                .as("%s share", shape).isCloseTo(weight / total, org.assertj.core.data.Offset.offset(0.02)));
        for (ScheduledCall call : calls) {
            call.spec().wait(Wait.TALK).ifPresent(talk -> assertThat(talk).isBetween(Duration.ofSeconds(30),
                    Duration.ofSeconds(40)));
            assertThat(call.spec().wait(Wait.NO_ANSWER_TIMEOUT)).isEmpty(); // a PBX timer stays as recorded
        }
    }

    @Test
    void theSameSeedGivesTheSameLoad() {
        LoadGenerator.Settings settings = LoadGenerator.Settings.of(1000, 1999, 30).withSeed(99);
        assertThat(arrivals(settings, Duration.ofMinutes(1))).isEqualTo(arrivals(settings, Duration.ofMinutes(1)));
        assertThat(arrivals(settings, Duration.ofMinutes(1)))
                .isNotEqualTo(arrivals(settings.withSeed(100), Duration.ofMinutes(1)));
    }

    @Test
    void messagesOfThousandsOfConcurrentCallsComeInTimeOrderAndNoTwoCallsShareALinkedid() {
        LoadGenerator.Settings settings = LoadGenerator.Settings.of(1000, 1999, 100)
                .withWaits(Wait.Kind.TALKING, LoadGenerator.WaitRange.seconds(20, 40));
        LoadGenerator load = new LoadGenerator(new PbxSimulator(shapes, Instant.parse("2030-01-01T00:00:00Z"), 5),
                settings);
        List<SimulatedCall> calls = new ArrayList<>();
        load.calls(0, Duration.ofSeconds(60)).forEachRemaining(calls::add);
        assertThat(calls).hasSizeBetween(5_700, 6_300);
        assertThat(calls.stream().map(SimulatedCall::linkedid).distinct().count()).isEqualTo(calls.size());
        long atMinute = 60_000;
        assertThat(calls.stream().filter(call -> call.startMillis() <= atMinute && call.endMillis() >= atMinute)
                .count()).as("calls in progress at the end of the first minute").isGreaterThan(2_000);

        Iterator<TimedMessage> messages = PbxSimulator.merge(calls.iterator());
        long previous = 0;
        long count = 0;
        long started = System.nanoTime();
        while (messages.hasNext()) {
            TimedMessage message = messages.next();
            assertThat(message.atMillis()).isGreaterThanOrEqualTo(previous);
            previous = message.atMillis();
            count++;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("load: %,d messages of %,d calls rendered and merged in %.2f s (%,.0f messages/s)%n", count,
                calls.size(), seconds, count / seconds);
        assertThat(count).isEqualTo(calls.stream().mapToLong(SimulatedCall::size).sum());
    }
}
