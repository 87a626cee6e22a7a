package dev.zvonok.server.calls;

import static dev.zvonok.server.calls.CallScenarios.DEALER;
import static dev.zvonok.server.calls.CallScenarios.at;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.call.HangupSide;
import dev.zvonok.model.call.OfferResult;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.db.schema.tables.records.CallsRecord;
import dev.zvonok.server.tracking.CallEvent;
import dev.zvonok.server.tracking.CallEvent.CallEnded;
import dev.zvonok.server.tracking.CallInfo;
import dev.zvonok.server.tracking.CallRecord;
import dev.zvonok.server.tracking.OfferRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * A call whose events the database refuses (real PostgreSQL) is still closed: the final record is stored with its
 * texts cut to the columns, or else just the call's end and outcome; the log says why once per call.
 */
class RefusedFinalRecordTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    /** What reached the recorder before the AMI edge cut values: a megabyte of caller number. */
    private static final String HUGE_NUMBER = "8927".repeat(262_144);

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger recorderLog = (Logger) LoggerFactory.getLogger(CallRecorder.class);
    private RecorderFixture fixture;
    private CallRecorder recorder;

    @BeforeEach
    void setUp() {
        db.clean();
        logs.start();
        recorderLog.addAppender(logs);
        fixture = new RecorderFixture(db.dsl());
        recorder = new CallRecorder(db.dsl(), fixture.directory,
                RecorderSettings.defaults().withRetryDelays(Duration.ofMillis(5), Duration.ofMillis(20))).start();
    }

    @AfterEach
    void tearDown() {
        recorder.close();
        recorderLog.detachAppender(logs);
    }

    private void record(List<CallEvent> events) throws InterruptedException {
        events.forEach(recorder::onCallEvent);
        assertThat(recorder.awaitIdle(Duration.ofSeconds(30))).as("all written or given up on").isTrue();
    }

    @Test
    void aCallWithAHugeNumberIsStoredCutAndClosed() throws Exception {
        record(CallScenarios.concat(CallScenarios.directAnswered("huge", T0, HUGE_NUMBER),
                CallScenarios.directAnswered("after", at(T0, 100), DEALER)));

        CallsRecord call = fixture.call("huge");
        assertThat(call.getEndedAt()).as("closed").isEqualTo(at(T0, 63).atOffset(ZoneOffset.UTC));
        assertThat(call.getDisposition()).isEqualTo("answered");
        assertThat(call.getCallerNumber()).isEqualTo(HUGE_NUMBER.substring(0, 32));
        assertThat(call.getAnsweredByExtension()).isEqualTo("777");
        assertThat(fixture.offer("huge", "777").getResult()).isEqualTo("answered");
        assertThat(fixture.call("after").getDisposition()).as("the calls behind it are written").isEqualTo("answered");

        assertThat(warningsAbout("huge")).as("said once, with the database's reason").hasSize(1).first()
                .satisfies(message -> assertThat(message).contains("value too long"));
        assertThat(recorder.stats().failures()).as("three live events skipped, the final record stored in part").isEqualTo(4);
    }

    @Test
    void aFinalRecordRefusedEvenCutStillEndsTheCall() throws Exception {
        CallInfo info = new CallInfo("odd", CallDirection.INBOUND, DEALER, "777", null, T0);
        List<CallEvent> events = new ArrayList<>(List.of(
                new CallEvent.CallStarted("odd", T0, info),
                new CallEvent.OfferRinging("odd", at(T0, 0.1), "777", info, null),
                new CallEvent.OfferRinging("odd", at(T0, 0.2), "888", info, null),
                new CallEvent.OfferAnswered("odd", at(T0, 3), "777", info)));
        // an offer without an extension: no cut makes it storable (the column is not null)
        events.add(new CallEnded("odd", at(T0, 63), new CallRecord("odd", CallDirection.INBOUND, DEALER, "777", null,
                CallDisposition.ANSWERED, "777",
                List.of(new OfferRecord(null, OfferResult.ANSWERED, at(T0, 0.1), at(T0, 3), at(T0, 63), null, null)),
                List.of(), T0, at(T0, 3), at(T0, 63), HangupSide.CALLER, 16, "Normal Clearing")));
        record(events);

        CallsRecord call = fixture.call("odd");
        assertThat(call.getEndedAt()).isEqualTo(at(T0, 63).atOffset(ZoneOffset.UTC));
        assertThat(call.getDisposition()).isEqualTo("answered");
        assertThat(call.getHangupCause()).isEqualTo(16);
        assertThat(fixture.offer("odd", "777").getResult()).isEqualTo("answered");
        assertThat(fixture.offer("odd", "888").getResult()).isEqualTo("missed");
        assertThat(fixture.offer("odd", "888").getEndAt()).isEqualTo(call.getEndedAt());
        assertThat(warningsAbout("odd")).hasSize(1).first()
                .satisfies(message -> assertThat(message).contains("stored only its end and outcome"));
    }

    @Test
    void aRefusedFinalRecordOfACallNeverWrittenStillLeavesTheCall() throws Exception {
        record(List.of(new CallEnded("unseen", at(T0, 10), new CallRecord("unseen", CallDirection.INBOUND, DEALER,
                "777", null, CallDisposition.MISSED, null,
                List.of(new OfferRecord(null, OfferResult.MISSED, T0, null, at(T0, 10), null, null)),
                List.of(), T0, null, at(T0, 10), HangupSide.PBX, 16, "Normal Clearing"))));

        CallsRecord call = fixture.call("unseen");
        assertThat(call.getDisposition()).isEqualTo("missed");
        assertThat(call.getStartedAt()).isEqualTo(T0.atOffset(ZoneOffset.UTC));
        assertThat(call.getEndedAt()).isEqualTo(at(T0, 10).atOffset(ZoneOffset.UTC));
    }

    private List<String> warningsAbout(String callId) {
        return logs.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains(callId)).toList();
    }
}
