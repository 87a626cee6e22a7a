package dev.zvonok.server.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.server.amiwire.TimedMessage;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each shape, generated with its recording's own parties and waits, is that recording's call again, new ids aside. */
class ShapeFidelityTest {

    private static ShapeLibrary shapes;

    @BeforeAll
    static void loadShapes() {
        shapes = ShapeLibrary.load();
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void recordedParametersGiveTheRecordedCallBack(Shape shape) {
        List<TimedMessage> recorded = recordedCall(shape);
        Reproduction reproduction = reproductionOf(shape);
        List<TimedMessage> generated = new PbxSimulator(shapes, reproduction.origin(), 7)
                .call(shapes.recordedSpec(shape), recorded.get(0).atMillis()).messages();

        assertThat(names(generated)).isEqualTo(names(recorded));
        for (int i = 0; i < recorded.size(); i++) {
            assertThat(generated.get(i).message().keys()).as("fields of message %d", i)
                    .isEqualTo(recorded.get(i).message().keys());
            assertThat(generated.get(i).atMillis()).as("time of message %d", i)
                    .isCloseTo(recorded.get(i).atMillis(), org.assertj.core.data.Offset.offset(1L));
        }
        IdNormalizer recordedIds = new IdNormalizer(true);
        IdNormalizer generatedIds = new IdNormalizer(true);
        for (int i = 0; i < recorded.size(); i++) {
            assertThat(generatedIds.normalize(generated.get(i).message())).as("message %d", i)
                    .isEqualTo(recordedIds.normalize(recorded.get(i).message()));
        }
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void everyIdIsFresh(Shape shape) {
        List<TimedMessage> recorded = recordedCall(shape);
        List<TimedMessage> generated = new PbxSimulator(shapes, reproductionOf(shape).origin(), 7)
                .call(shapes.recordedSpec(shape), recorded.get(0).atMillis()).messages();
        List<String> recordedIds = ids(recorded);
        assertThat(recordedIds).isNotEmpty();
        assertThat(ids(generated)).hasSameSizeAs(recordedIds).doesNotContainAnyElementsOf(recordedIds);
    }

    @Test
    void theCallsOfTrace11TogetherAreAllOfItsEventsButThePbxWideOnes() {
        List<TimedMessage> all = RecordedCalls.eventsAfterLogin("11-two-overlapping-inbound");
        List<Recording> calls = Recording.inTrace("11-two-overlapping-inbound");
        int selected = calls.stream().mapToInt(call -> RecordedCalls.callOf(call).size()).sum();
        List<TimedMessage> pbxWide = all.stream()
                .filter(m -> "Queue:support_avail".equals(m.message().get("Device")))
                .toList();
        assertThat(pbxWide).hasSize(2);
        assertThat(selected).isEqualTo(all.size() - pbxWide.size());
    }

    static List<TimedMessage> recordedCall(Shape shape) {
        List<Recording> inTrace = Recording.inTrace(shape.trace());
        return inTrace.size() == 1 ? RecordedCalls.eventsAfterLogin(shape.trace())
                : RecordedCalls.callOf(shape.recording());
    }

    static Reproduction reproductionOf(Shape shape) {
        return shapes.reproduction(shape.trace());
    }

    static List<String> names(List<TimedMessage> timeline) {
        return timeline.stream().map(timed -> timed.message().event()).toList();
    }

    static String wire(List<TimedMessage> timeline) {
        StringBuilder out = new StringBuilder();
        timeline.forEach(timed -> out.append(timed.message().toWire()));
        return out.toString();
    }

    /** Every id in the values: Uniqueids, channel names, bridge ids, SIP Call-IDs. */
    static List<String> ids(List<TimedMessage> timeline) {
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        for (TimedMessage timed : timeline) {
            for (int i = 0; i < timed.message().size(); i++) {
                if (timed.message().keyAt(i).equals("SentNTP")) {
                    continue;
                }
                java.util.regex.Matcher matcher = java.util.regex.Pattern.compile(
                        "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|(?<![\\w.])\\d{10}\\.\\d+(?![\\w.])"
                                + "|(?:SIP|Local)/[^\\s,&|]+-[0-9a-f]{8}|[0-9a-f]{16,32}(?=@)")
                        .matcher(timed.message().valueAt(i));
                while (matcher.find()) {
                    ids.add(matcher.group());
                }
            }
        }
        return List.copyOf(ids);
    }
}
