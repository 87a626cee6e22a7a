package dev.zvonok.server.calls;

import static dev.zvonok.server.db.schema.Tables.CALLS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.db.schema.tables.records.CallOffersRecord;
import dev.zvonok.server.db.schema.tables.records.CallsRecord;
import dev.zvonok.server.tracking.CallEvent;
import dev.zvonok.server.tracking.CallRecord;
import dev.zvonok.server.tracking.CallTracker;
import dev.zvonok.server.tracking.ExpectedCalls;
import dev.zvonok.server.tracking.ExtensionPatternEndpoints;
import dev.zvonok.server.tracking.RecordedTraces;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real thing end to end, without sockets: each recording of a real Asterisk goes through the call tracker into
 * the recorder, and the database must hold exactly the tracker's final records (and so the expected calls), once
 * each, also after the whole recording is replayed.
 */
class RecordedTracesPersistenceTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final List<String> TRACES = RecordedTraces.ALL;

    @ParameterizedTest
    @FieldSource("TRACES")
    void theDatabaseHoldsWhatTheTrackerReported(String trace) throws Exception {
        db.clean();
        RecorderFixture fixture = new RecorderFixture(db.dsl());
        List<CallEvent> events = new ArrayList<>();
        try (CallRecorder recorder = new CallRecorder(db.dsl(), fixture.directory).start()) {
            CallTracker tracker = new CallTracker(fixture.numbers, ExtensionPatternEndpoints.standard(), event -> {
                events.add(event);
                recorder.onCallEvent(event);
            });
            RecordedTraces.pbxEvents(trace).forEach(tracker::accept);
            assertThat(recorder.awaitIdle(Duration.ofSeconds(30))).isTrue();
            assertThat(recorder.stats().failures()).isZero();

            List<CallRecord> records = events.stream().filter(CallEvent.CallEnded.class::isInstance)
                    .map(e -> ((CallEvent.CallEnded) e).record()).toList();
            ExpectedCalls.assertMatches(trace, records);
            assertThat(db.dsl().fetchCount(CALLS)).as("one row per call, consultation calls merged")
                    .isEqualTo(records.size());
            for (CallRecord record : records) {
                assertPersisted(fixture, record);
            }

            List<String> once = fixture.snapshot();
            events.forEach(recorder::onCallEvent);
            assertThat(recorder.awaitIdle(Duration.ofSeconds(30))).isTrue();
            assertThat(fixture.snapshot()).as("replayed").isEqualTo(once);
        }
    }

    private static void assertPersisted(RecorderFixture fixture, CallRecord record) {
        String what = record.linkedid();
        CallsRecord call = fixture.call(record.linkedid());
        assertThat(call.getDirection()).as(what).isEqualTo(record.direction().wireName());
        assertThat(call.getCallerNumber()).as(what).isEqualTo(record.caller());
        assertThat(call.getDialedNumber()).as(what).isEqualTo(record.dialed());
        assertThat(call.getQueue()).as(what).isEqualTo(record.queue());
        assertThat(call.getDisposition()).as(what).isEqualTo(record.disposition().wireName());
        assertThat(call.getAnsweredByExtension()).as(what).isEqualTo(record.answeredBy());
        assertThat(instant(call.getStartedAt())).as(what).isEqualTo(record.startAt());
        assertThat(instant(call.getAnsweredAt())).as(what).isEqualTo(record.answerAt());
        assertThat(instant(call.getEndedAt())).as(what).isEqualTo(record.endAt());
        assertThat(call.getHangupSide()).as(what)
                .isEqualTo(record.hangupSide() == null ? null : record.hangupSide().wireName());
        assertThat(call.getHangupCause()).as(what).isEqualTo(record.hangupCause());
        String remote = record.direction() == dev.zvonok.model.call.CallDirection.OUTBOUND ? record.dialed()
                : record.caller();
        assertThat(call.getCallerKind()).as(what + " caller kind")
                .isEqualTo(fixture.directory.identify(remote).kind().wireName());
        if (record.answeredBy() != null) {
            assertThat(call.getAnsweredByUserId()).as(what).isNotNull();
        }

        List<String> expectedOffers = record.offers().stream()
                .map(o -> o.extension() + " " + o.result().wireName() + " " + o.ringAt() + " " + o.answerAt() + " "
                        + o.endAt() + " " + o.transferredFrom() + " " + o.transferredTo() + " " + o.pickedUp())
                .sorted().toList();
        List<String> storedOffers = fixture.offers(record.linkedid()).stream()
                .map((CallOffersRecord o) -> o.getExtension() + " " + o.getResult() + " " + instant(o.getRingAt()) + " "
                        + instant(o.getAnswerAt()) + " " + instant(o.getEndAt()) + " " + o.getTransferredFrom() + " "
                        + o.getTransferredTo() + " " + o.getPickedUp())
                .sorted().toList();
        assertThat(storedOffers).as(what + " offers").isEqualTo(expectedOffers);
        assertThat(fixture.offers(record.linkedid())).allSatisfy(o ->
                assertThat(o.getUserId()).as(what + " offer of " + o.getExtension() + " has its operator").isNotNull());

        assertThat(fixture.transfers(record.linkedid()).stream()
                .map(t -> t.getSeq() + " " + t.getFromExtension() + " " + t.getToTarget() + " " + t.getKind() + " "
                        + instant(t.getAt())).toList())
                .as(what + " transfers")
                .isEqualTo(java.util.stream.IntStream.range(0, record.transfers().size())
                        .mapToObj(i -> (i + 1) + " " + record.transfers().get(i).from() + " "
                                + record.transfers().get(i).to() + " " + record.transfers().get(i).kind().wireName()
                                + " " + record.transfers().get(i).at())
                        .toList());
        Objects.requireNonNull(call.getId());
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
