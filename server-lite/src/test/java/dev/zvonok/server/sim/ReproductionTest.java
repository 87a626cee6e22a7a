package dev.zvonok.server.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.server.amiwire.AmiMessage;
import dev.zvonok.server.amiwire.TimedMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The parameters a recording's calls were made with rebuild those calls: same parties, same moments. */
class ReproductionTest {

    private static final EventClasses CTI_LOGIN = EventClasses.of("call", "agent");
    /** Events about a device or queue member rather than a channel: Asterisk sends them from other threads. */
    private static final Set<String> STATE_EVENTS = Set.of("DeviceStateChange", "ExtensionStatus", "QueueMemberStatus");

    private static ShapeLibrary shapes;

    @BeforeAll
    static void loadShapes() {
        shapes = ShapeLibrary.load();
    }

    static List<String> coveredTraces() {
        return new ArrayList<>(new TreeSet<>(Recording.all().stream().map(Recording::trace).toList()));
    }

    @ParameterizedTest
    @MethodSource("coveredTraces")
    void eachCallHasTheRecordedPartiesAndMoments(String trace) {
        Reproduction reproduction = shapes.reproduction(trace);
        List<TimedMessage> generated = CTI_LOGIN.filter(reproduction.generate(shapes, 11));
        List<TimedMessage> recorded = CTI_LOGIN.filter(RecordedCalls.eventsAfterLogin(trace));

        Map<String, List<TimedMessage>> generatedCalls = byLinkedid(generated);
        Map<String, List<TimedMessage>> recordedCalls = byLinkedid(recorded);
        assertThat(generatedCalls).hasSameSizeAs(recordedCalls);
        List<List<TimedMessage>> generatedList = List.copyOf(generatedCalls.values());
        List<List<TimedMessage>> recordedList = List.copyOf(recordedCalls.values());
        for (int c = 0; c < recordedList.size(); c++) {
            List<TimedMessage> mine = generatedList.get(c);
            List<TimedMessage> theirs = recordedList.get(c);
            assertThat(burstStarts(mine)).as("call %d bursts", c + 1)
                    .usingElementComparator((a, b) -> Math.abs(a - b) <= 5 ? 0 : Long.compare(a, b))
                    .containsExactlyElementsOf(burstStarts(theirs));
            assertThat(sorted(channelEvents(mine))).as("call %d channel events", c + 1)
                    .isEqualTo(sorted(channelEvents(theirs)));
            assertThat(parties(mine)).as("call %d parties", c + 1).isEqualTo(parties(theirs));
        }
    }

    /**
     * Trace 15 is the CTI login ({@code read=call,agent}); its call A is a direct call answered by 777 and hung up by
     * the caller, like 01. Through that login, a generated 01 shows the very same channel events, field by field; the
     * device and queue-member states differ only where the PBX did: 01 was the first call after a restart (the trunk
     * and the queue's availability were still unknown), and 15 was recorded after queue {@code sales} was added, so
     * each member change there comes once per queue.
     */
    @Test
    void callAOfTrace15IsAGeneratedDirectCallSeenThroughTheCtiLogin() {
        Reproduction reproduction = shapes.reproduction("15-restricted-manager-user");
        ScheduledCall callA = reproduction.calls().get(0);
        assertThat(callA.spec().shape()).isEqualTo(Shape.DIRECT_ANSWERED);
        List<TimedMessage> generated = CTI_LOGIN.filter(
                new PbxSimulator(shapes, reproduction.origin(), 3).call(callA).messages());
        List<TimedMessage> recorded = RecordedCalls.callOf(Recording.inTrace("15-restricted-manager-user").get(0));

        List<TimedMessage> generatedChannelEvents = withoutStateEvents(generated);
        List<TimedMessage> recordedChannelEvents = withoutStateEvents(recorded);
        assertThat(ShapeFidelityTest.names(generatedChannelEvents))
                .isEqualTo(ShapeFidelityTest.names(recordedChannelEvents));
        IdNormalizer generatedIds = new IdNormalizer(true);
        IdNormalizer recordedIds = new IdNormalizer(true);
        for (int i = 0; i < recordedChannelEvents.size(); i++) {
            TimedMessage mine = generatedChannelEvents.get(i);
            TimedMessage theirs = recordedChannelEvents.get(i);
            assertThat(generatedIds.normalize(mine.message())).as("event %d", i)
                    .isEqualTo(recordedIds.normalize(theirs.message()));
            assertThat(mine.atMillis()).as("time of event %d", i).isBetween(theirs.atMillis() - 3, theirs.atMillis() + 3);
        }

        List<String> generatedStates = new ArrayList<>(states(generated));
        List<String> recordedStates = new ArrayList<>(states(recorded));
        assertThat(generatedStates).containsAll(List.of("DeviceStateChange SIP/trunk NOT_INUSE",
                "DeviceStateChange Queue:support_avail NOT_INUSE"));
        generatedStates.removeAll(List.of("DeviceStateChange SIP/trunk NOT_INUSE",
                "DeviceStateChange Queue:support_avail NOT_INUSE"));
        assertThat(recordedStates).containsAll(List.of("QueueMemberStatus sales/Local/777@from-queue/n 6",
                "QueueMemberStatus sales/Local/777@from-queue/n 2", "QueueMemberStatus sales/Local/777@from-queue/n 1"));
        recordedStates.removeIf(state -> state.startsWith("QueueMemberStatus sales/"));
        assertThat(sorted(generatedStates)).isEqualTo(sorted(recordedStates));
    }

    private static Map<String, List<TimedMessage>> byLinkedid(List<TimedMessage> timeline) {
        Map<String, List<TimedMessage>> calls = new LinkedHashMap<>();
        for (TimedMessage timed : timeline) {
            String linkedid = timed.message().get("Linkedid");
            if (linkedid != null) {
                calls.computeIfAbsent(linkedid, id -> new ArrayList<>()).add(timed);
            }
        }
        return calls;
    }

    private static List<Long> burstStarts(List<TimedMessage> call) {
        List<Long> starts = new ArrayList<>();
        long previous = Long.MIN_VALUE / 2;
        for (TimedMessage timed : call) {
            if (timed.atMillis() - previous >= Bursts.MIN_GAP_MILLIS) {
                starts.add(timed.atMillis());
            }
            previous = timed.atMillis();
        }
        return starts;
    }

    private static List<String> channelEvents(List<TimedMessage> call) {
        return call.stream().map(timed -> timed.message().event() + " " + timed.message().get("ChannelStateDesc"))
                .toList();
    }

    /** Who the call is between: the caller id of every channel and what each dialled. */
    private static Set<String> parties(List<TimedMessage> call) {
        Set<String> parties = new TreeSet<>();
        for (TimedMessage timed : call) {
            AmiMessage message = timed.message();
            if (message.isEvent("Newchannel")) {
                parties.add(message.get("Channel").replaceFirst("-[0-9a-f]{8}", "") + " " + message.get("CallerIDNum")
                        + " -> " + message.get("Exten"));
            }
            if (message.isEvent("DialBegin")) {
                parties.add("dial " + message.get("DialString"));
            }
        }
        return parties;
    }

    private static List<TimedMessage> withoutStateEvents(List<TimedMessage> timeline) {
        return timeline.stream().filter(t -> !STATE_EVENTS.contains(t.message().event())).toList();
    }

    private static List<String> states(List<TimedMessage> timeline) {
        return timeline.stream().map(TimedMessage::message).filter(m -> STATE_EVENTS.contains(m.event()))
                .map(m -> switch (m.event()) {
                    case "DeviceStateChange" -> "DeviceStateChange " + m.get("Device") + " " + m.get("State");
                    case "ExtensionStatus" -> "ExtensionStatus " + m.get("Exten") + " " + m.get("Status");
                    default -> "QueueMemberStatus " + m.get("Queue") + "/" + m.get("Interface") + " " + m.get("Status");
                })
                .toList();
    }

    private static <T extends Comparable<T>> List<T> sorted(List<T> list) {
        return list.stream().sorted().toList();
    }
}
