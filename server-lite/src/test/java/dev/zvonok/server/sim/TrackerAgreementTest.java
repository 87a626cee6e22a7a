package dev.zvonok.server.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.model.call.OfferResult;
import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.amiwire.TimedMessage;
import dev.zvonok.server.tracking.AsteriskJavaEvents;
import dev.zvonok.server.tracking.CallEvent;
import dev.zvonok.server.tracking.CallRecord;
import dev.zvonok.server.tracking.CallTracker;
import dev.zvonok.server.tracking.ExtensionPatternEndpoints;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The call tracker, fed through asterisk-java as in production, sees the same calls in a recording and in its
 * reproduction by the simulator; and sees the parties a generated call was given.
 */
class TrackerAgreementTest {

    private static ShapeLibrary shapes;

    @BeforeAll
    static void loadShapes() {
        shapes = ShapeLibrary.load();
    }

    static List<String> coveredTraces() {
        return ReproductionTest.coveredTraces();
    }

    @ParameterizedTest
    @MethodSource("coveredTraces")
    void theTrackerSeesTheRecordedCallsInTheReproduction(String trace) {
        Reproduction reproduction = shapes.reproduction(trace);
        List<TimedMessage> generated = reproduction.generate(shapes, 21);
        if (trace.startsWith("15-")) {
            generated = EventClasses.of("call", "agent").filter(generated); // 15 was recorded with that login
        }
        List<TimedMessage> recorded = RecordedCalls.eventsAfterLogin(trace);

        assertThat(summaries(track(generated, reproduction.origin())))
                .isEqualTo(summaries(track(recorded, reproduction.origin())))
                .isNotEmpty();
    }

    @Test
    void theTrackerSeesTheChosenPartiesAndTimes() {
        PbxSimulator simulator = new PbxSimulator(shapes, Instant.parse("2030-06-01T10:00:00Z"), 3);
        CallSpec queueCall = CallSpec.of(Shape.QUEUE_ANSWERED)
                .withParties(Map.of(Role.EXTERNAL_NUMBER, "+74959876543", Role.DID, "74950000042",
                        Role.OPERATOR, "1001", Role.OTHER_MEMBER, "1002"))
                .ring(Duration.ofSeconds(9)).talk(Duration.ofSeconds(95));
        CallSpec transfer = CallSpec.of(Shape.ATTENDED_TRANSFER)
                .withParties(Map.of(Role.EXTERNAL_NUMBER, "89035550101", Role.OPERATOR, "1003",
                        Role.TRANSFER_TARGET, "10044"));
        List<TimedMessage> timeline = simulator.timeline(List.of(new ScheduledCall(queueCall, 1_000),
                new ScheduledCall(transfer, 4_000)));

        List<CallRecord> calls = track(timeline, simulator.epoch());
        assertThat(calls).hasSize(2);
        CallRecord queued = calls.stream().filter(c -> "1001".equals(c.answeredBy())).findFirst().orElseThrow();
        assertThat(queued.caller()).isEqualTo("+74959876543");
        assertThat(queued.dialed()).contains("74950000042");
        assertThat(offers(queued)).isEqualTo(Map.of("1001", OfferResult.ANSWERED, "1002", OfferResult.ANSWERED_ELSEWHERE));
        assertThat(Duration.between(queued.startAt(), queued.answerAt()).toSeconds()).isEqualTo(9);
        assertThat(Duration.between(queued.answerAt(), queued.endAt()).toSeconds()).isEqualTo(95);
        assertThat(queued.startAt()).isBetween(Instant.parse("2030-06-01T10:00:01Z"), Instant.parse("2030-06-01T10:00:01.100Z"));

        CallRecord transferred = calls.stream().filter(c -> "1003".equals(c.answeredBy())).findFirst().orElseThrow();
        assertThat(transferred.transfers()).singleElement()
                .satisfies(t -> assertThat(List.of(t.from(), t.to())).containsExactly("1003", "10044"));
        assertThat(offers(transferred)).containsEntry("10044", OfferResult.ANSWERED);
    }

    /** The calls the tracker ends, seeing the timeline as asterisk-java would deliver it. */
    static List<CallRecord> track(List<TimedMessage> timeline, Instant epoch) {
        List<CallEvent> events = new ArrayList<>();
        CallTracker tracker = new CallTracker(PhoneNumbers.russian(), ExtensionPatternEndpoints.standard(), events::add);
        AsteriskJavaEvents.mapped(AsteriskJavaEvents.of(timeline, epoch)).forEach(tracker::accept);
        assertThat(tracker.activeCallCount()).as("calls left open").isZero();
        assertThat(tracker.stats().failures()).as("tracking failures").isZero();
        return events.stream().filter(CallEvent.CallEnded.class::isInstance)
                .map(e -> ((CallEvent.CallEnded) e).record())
                .sorted(Comparator.comparing(CallRecord::startAt))
                .toList();
    }

    /** A call without its id, its times as offsets from its start (ms). */
    private static List<String> summaries(List<CallRecord> calls) {
        return calls.stream().map(call -> String.join(" | ", call.direction() + "", call.caller(), call.dialed(),
                call.queue() + "", call.disposition() + "", call.answeredBy() + "", offers(call).toString(),
                call.transfers().stream().map(t -> t.from() + ">" + t.to() + " " + t.kind()).toList().toString(),
                call.hangupSide() + "", call.hangupCause() + " " + call.hangupCauseText(),
                "answer +" + offset(call.startAt(), call.answerAt()), "end +" + offset(call.startAt(), call.endAt())))
                .toList();
    }

    private static String offset(Instant start, Instant at) {
        return at == null ? "-" : Long.toString(Duration.between(start, at).toMillis() / 10); // within 10 ms
    }

    private static Map<String, OfferResult> offers(CallRecord call) {
        Map<String, OfferResult> offers = new TreeMap<>();
        call.offers().forEach(offer -> offers.put(offer.extension(), offer.result()));
        return offers;
    }
}
