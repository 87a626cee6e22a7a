package dev.zvonok.server.pbx;

import dev.zvonok.server.amiwire.AmiMessage;
import dev.zvonok.server.amiwire.AmiTrace;
import dev.zvonok.server.amiwire.TimedMessage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.zvonok.server.pbx.Traces.CLICK_TO_CALL;
import static dev.zvonok.server.pbx.Traces.INBOUND_ANSWERED;
import static dev.zvonok.server.pbx.Traces.RESTRICTED_USER;
import static dev.zvonok.server.pbx.Traces.RESYNC;
import static org.assertj.core.api.Assertions.assertThat;

class TraceTimelineTest {

    @Test
    void keepsOnlyTheBroadcastEventsAfterEventsWereSwitchedOn() {
        AmiTrace trace = Traces.trace(INBOUND_ANSWERED);
        TraceTimeline timeline = TraceTimeline.of(trace);

        long recordedEvents = trace.entries().stream().filter(e -> e.kind() == AmiTrace.Kind.EVENT).count();
        // FullyBooted and SuccessfulAuth came with the recorder's login, before the events-1 response.
        assertThat(timeline.events()).hasSize((int) recordedEvents - 2);
        assertThat(names(timeline)).doesNotContain("FullyBooted").first().isEqualTo("Newchannel");
        assertThat(timeline.events()).allSatisfy(timed -> assertThat(timed.message().response()).isNull());
        assertThat(timeline.channelsUpAtStart()).isEmpty();
    }

    @Test
    void timesCountFromTheEventsOnResponse() {
        AmiTrace trace = Traces.trace(INBOUND_ANSWERED);
        long eventsOnAt = trace.entries().stream()
                .filter(e -> "events-1".equals(e.message() == null ? null : e.message().actionId()))
                .findFirst().orElseThrow().atMillis();
        AmiTrace.Entry firstEvent = trace.entries().stream()
                .filter(e -> e.kind() == AmiTrace.Kind.EVENT && e.message().isEvent("Newchannel"))
                .findFirst().orElseThrow();

        TraceTimeline timeline = TraceTimeline.of(trace);

        assertThat(timeline.events().getFirst().atMillis()).isEqualTo(firstEvent.atMillis() - eventsOnAt);
        assertThat(timeline.events()).isSortedAccordingTo(java.util.Comparator.comparingLong(TimedMessage::atMillis));
        assertThat(timeline.length().toMillis()).isBetween(9_000L, 12_000L);
    }

    @Test
    void stampsEveryEventWithThePbxClockAsTimestampEventsWould() {
        TraceTimeline timeline = TraceTimeline.of(Traces.trace(INBOUND_ANSWERED));
        java.time.Instant zero = java.time.Instant.parse("2026-11-21T19:17:30.250Z");

        TraceTimeline stamped = timeline.withPbxTimestamps(zero);

        assertThat(stamped.events()).hasSameSizeAs(timeline.events());
        TimedMessage first = stamped.events().getFirst();
        // 2026-11-21T19:17:30.250Z is 1795288650.25 s after the epoch; the first event is due 1002 ms later
        assertThat(first.atMillis()).isEqualTo(timeline.events().getFirst().atMillis()).isEqualTo(1002);
        assertThat(first.message().get("Timestamp")).isEqualTo("1795288651.252000");
        assertThat(first.message().without("Timestamp")).isEqualTo(timeline.events().getFirst().message());
        assertThat(stamped.events()).allSatisfy(timed -> assertThat(timed.message().get("Timestamp"))
                .isEqualTo("%d.%06d".formatted(zero.plusMillis(timed.atMillis()).getEpochSecond(),
                        zero.plusMillis(timed.atMillis()).getNano() / 1000)));
    }

    @Test
    void keepsTheRecordedBytesOfEveryEvent() {
        AmiTrace trace = Traces.trace(INBOUND_ANSWERED);
        List<String> recorded = trace.entries().stream()
                .filter(e -> e.kind() == AmiTrace.Kind.EVENT)
                .map(AmiTrace.Entry::text)
                .toList();

        List<String> played = TraceTimeline.of(trace).events().stream().map(t -> t.message().toWire()).toList();

        assertThat(recorded).containsSubsequence(played);
    }

    @Test
    void resyncAnswersBecomeTheChannelsUpAtStartNotEvents() {
        TraceTimeline timeline = Traces.timeline(RESYNC);

        assertThat(timeline.channelsUpAtStart()).hasSize(4)
                .extracting(m -> m.get("Channel"))
                .containsExactly("SIP/888-00000021", "SIP/777-0000001f", "SIP/trunk-0000001e", "SIP/trunk-00000020");
        assertThat(names(timeline)).doesNotContain("CoreShowChannel", "CoreShowChannelsComplete", "Status",
                "StatusComplete", "QueueParams", "QueueMember", "QueueStatusComplete", "FullyBooted");
        assertThat(timeline.events()).allSatisfy(t -> assertThat(t.message().actionId()).isNull());
        assertThat(names(timeline)).first().isEqualTo("ExtensionStatus");
        assertThat(timeline.events().getFirst().atMillis()).isBetween(3_000L, 4_000L);
    }

    @Test
    void anEventThatOnlyCarriesAnActionIdStays() {
        TraceTimeline timeline = Traces.timeline(CLICK_TO_CALL);

        List<AmiMessage> originateResponses = timeline.events().stream().map(TimedMessage::message)
                .filter(m -> m.isEvent("OriginateResponse")).toList();
        assertThat(originateResponses).singleElement()
                .satisfies(m -> assertThat(m.actionId()).isEqualTo("c2c-1"));
    }

    @Test
    void aRestrictedLoginsRecordingHasNoSystemEventToDrop() {
        TraceTimeline timeline = Traces.timeline(RESTRICTED_USER);

        assertThat(names(timeline)).first().isEqualTo("Newchannel");
        assertThat(timeline.events()).allSatisfy(t -> assertThat(t.message().get("Privilege"))
                .isIn("call,all", "agent,all"));
    }

    private static List<String> names(TraceTimeline timeline) {
        return timeline.events().stream().map(t -> t.message().event()).toList();
    }
}
