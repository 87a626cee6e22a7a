package dev.zvonok.server.pbx;

import dev.zvonok.server.amiwire.AmiMessage;
import dev.zvonok.server.amiwire.AmiTrace;
import dev.zvonok.server.amiwire.TimedMessage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.zvonok.server.pbx.Traces.INBOUND_ANSWERED;
import static dev.zvonok.server.pbx.Traces.RESYNC;
import static org.assertj.core.api.Assertions.assertThat;

class ChannelTableTest {

    private static final long NOW = 1_795_288_830_000L;

    @Test
    void followsACallFromNewchannelToHangup() {
        ChannelTable table = new ChannelTable();
        List<AmiMessage> events = Traces.timeline(INBOUND_ANSWERED).events().stream().map(TimedMessage::message).toList();

        int bridged = indexOf(events, "BridgeEnter", 2);
        events.subList(0, bridged + 1).forEach(event -> table.apply(event, NOW));

        assertThat(table.snapshot()).extracting(ChannelSnapshot::channel)
                .containsExactly("SIP/trunk-00000000", "SIP/777-00000001");
        ChannelSnapshot caller = table.byName("SIP/trunk-00000000").orElseThrow();
        ChannelSnapshot operator = table.byName("SIP/777-00000001").orElseThrow();
        assertThat(caller.channelStateDesc()).isEqualTo("Up");
        assertThat(caller.connectedLineNum()).isEqualTo("777");
        assertThat(caller.application()).isEqualTo("Dial");
        assertThat(caller.applicationData()).isEqualTo("SIP/777,6,tT");
        assertThat(caller.dnid()).isEqualTo("777");
        assertThat(operator.application()).isEqualTo("AppDial");
        assertThat(operator.dnid()).isEmpty();
        assertThat(operator.exten()).isEmpty(); // as Asterisk reports the answered outgoing leg
        assertThat(caller.bridgeId()).isEqualTo(operator.bridgeId()).startsWith("747397f5-");

        events.subList(bridged + 1, events.size()).forEach(event -> table.apply(event, NOW));
        assertThat(table.size()).isZero();
    }

    @Test
    void seededChannelsAnswerCoreShowChannelsAndStatusAsRecorded() {
        AmiTrace trace = Traces.trace(RESYNC);
        List<AmiMessage> recordedItems = recorded(trace, "CoreShowChannel");
        List<AmiMessage> recordedStatus = recorded(trace, "Status");
        ChannelTable table = new ChannelTable();

        table.seed(TraceTimeline.of(trace).channelsUpAtStart(), NOW);

        assertThat(table.snapshot()).map(c -> ChannelReports.coreShowChannel(c, "resync-1", NOW))
                .containsExactlyElementsOf(recordedItems);
        assertThat(table.snapshot()).map(c -> ChannelReports.status(c, "resync-2", NOW))
                .containsExactlyElementsOf(recordedStatus);
    }

    @Test
    void theResyncTraceEndsWithNoChannelLeft() {
        TraceTimeline timeline = Traces.timeline(RESYNC);
        ChannelTable table = new ChannelTable();
        table.seed(timeline.channelsUpAtStart(), NOW);

        timeline.events().forEach(timed -> table.apply(timed.message(), NOW));

        assertThat(table.snapshot()).isEmpty();
    }

    @Test
    void renameAndBridgeLeaveUpdateTheChannel() {
        ChannelTable table = new ChannelTable();
        table.apply(AmiMessage.of("Event", "Newchannel", "Channel", "SIP/1-1", "ChannelState", "0",
                "ChannelStateDesc", "Down", "Exten", "s", "Uniqueid", "1.1", "Linkedid", "1.1"), NOW);
        table.apply(AmiMessage.of("Event", "BridgeEnter", "BridgeUniqueid", "b-1", "Channel", "SIP/1-1",
                "ChannelState", "6", "ChannelStateDesc", "Up", "Uniqueid", "1.1"), NOW);
        table.apply(AmiMessage.of("Event", "Rename", "Channel", "SIP/1-1", "ChannelState", "6", "Newname",
                "SIP/1-1<ZOMBIE>", "Uniqueid", "1.1"), NOW);

        assertThat(table.byUniqueid("1.1").orElseThrow())
                .returns("SIP/1-1<ZOMBIE>", ChannelSnapshot::channel)
                .returns("Up", ChannelSnapshot::channelStateDesc)
                .returns("b-1", ChannelSnapshot::bridgeId);

        table.apply(AmiMessage.of("Event", "BridgeLeave", "BridgeUniqueid", "b-1", "Uniqueid", "1.1"), NOW);
        assertThat(table.byUniqueid("1.1").orElseThrow().bridgeId()).isEmpty();
    }

    @Test
    void ignoresEventsAboutChannelsItNeverSawCreated() {
        ChannelTable table = new ChannelTable();
        table.apply(AmiMessage.of("Event", "Newstate", "Channel", "SIP/9-9", "ChannelState", "6",
                "Uniqueid", "9.9"), NOW);
        assertThat(table.size()).isZero();
    }

    private static List<AmiMessage> recorded(AmiTrace trace, String event) {
        return trace.entries().stream().map(AmiTrace.Entry::message)
                .filter(m -> m != null && m.isEvent(event)).toList();
    }

    private static int indexOf(List<AmiMessage> events, String name, int occurrence) {
        int seen = 0;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).isEvent(name) && ++seen == occurrence) {
                return i;
            }
        }
        throw new AssertionError("no " + name + " #" + occurrence);
    }
}
