package dev.zvonok.server.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zvonok.server.amiwire.TimedMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TimelineTest {

    private static ShapeLibrary shapes;

    @BeforeAll
    static void loadShapes() {
        shapes = ShapeLibrary.load();
    }

    @Test
    void callsMergeInTimeOrderAndTiesKeepTheOrderTheCallsWereGiven() {
        PbxSimulator simulator = new PbxSimulator(shapes, Instant.EPOCH, 1);
        CallSpec toA = CallSpec.of(Shape.DIRECT_ANSWERED).operator("101");
        CallSpec toB = CallSpec.of(Shape.DIRECT_ANSWERED).operator("102");
        List<TimedMessage> timeline = simulator.timeline(List.of(new ScheduledCall(toB, 2_000),
                new ScheduledCall(toA, 1_000), new ScheduledCall(toA.operator("103"), 1_000)));

        assertThat(timeline).extracting(TimedMessage::atMillis).isSorted();
        assertThat(timeline).hasSize(3 * simulator.call(toA, 0).size());
        List<String> firstChannels = timeline.stream().filter(t -> t.message().isEvent("Newchannel"))
                .map(t -> t.message().get("Channel").replaceFirst("-.*", "")).toList();
        // the two calls at 1,000 ms interleave; at each ms, the one given first (to 101) comes first
        assertThat(firstChannels).containsExactly("SIP/trunk", "SIP/trunk", "SIP/101", "SIP/103", "SIP/trunk",
                "SIP/102");
        String callTo101 = timeline.stream().filter(t -> "SIP/101".equals(t.message().get("Channel") == null ? null
                : t.message().get("Channel").replaceFirst("-.*", ""))).findFirst().orElseThrow().message().get("Linkedid");
        assertThat(timeline.get(0).message().get("Linkedid")).isEqualTo(callTo101);
    }

    @Test
    void aLazySourceMustComeInStartOrder() {
        PbxSimulator simulator = new PbxSimulator(shapes, Instant.EPOCH, 1);
        var merged = PbxSimulator.merge(List.of(simulator.call(CallSpec.of(Shape.DIRECT_BUSY), 5_000),
                simulator.call(CallSpec.of(Shape.DIRECT_BUSY), 1_000)).iterator());
        assertThatThrownBy(() -> {
            while (merged.hasNext()) {
                merged.next();
            }
        }).isInstanceOf(IllegalStateException.class).hasMessageContaining("start order");
    }

    @Test
    void rtcpReportsSpreadOverALongerTalk() {
        Map<Wait, Duration> recorded = shapes.recordedWaits(Shape.DIRECT_ANSWERED);
        long recordedTalk = recorded.get(Wait.TALK).toMillis();
        SimulatedCall call = new PbxSimulator(shapes, Instant.EPOCH, 1)
                .call(CallSpec.of(Shape.DIRECT_ANSWERED).talk(Duration.ofMillis(recordedTalk * 10)), 0);
        List<TimedMessage> messages = call.messages();
        List<Long> rtcp = messages.stream().filter(t -> t.message().event().startsWith("RTCP"))
                .map(TimedMessage::atMillis).toList();
        long answerEnd = messages.stream().filter(t -> t.message().isEvent("BridgeEnter")).mapToLong(TimedMessage::atMillis)
                .max().orElseThrow();
        long hangup = messages.stream().filter(t -> t.message().isEvent("HangupRequest")).mapToLong(TimedMessage::atMillis)
                .min().orElseThrow();
        assertThat(rtcp).isNotEmpty().allSatisfy(at -> assertThat(at).isBetween(answerEnd, hangup));
        // recorded 208 ms into a 5 s talk; now ten times as far into a talk ten times as long
        List<TimedMessage> recordedCall = ShapeFidelityTest.recordedCall(Shape.DIRECT_ANSWERED);
        long recordedOffset = recordedCall.stream().filter(t -> t.message().event().startsWith("RTCP")).findFirst()
                .orElseThrow().atMillis() - recordedCall.stream().filter(t -> t.message().isEvent("BridgeEnter"))
                .mapToLong(TimedMessage::atMillis).max().orElseThrow();
        assertThat(rtcp.get(0) - answerEnd).isBetween(recordedOffset * 10 - 20, recordedOffset * 10 + 20);
    }
}
