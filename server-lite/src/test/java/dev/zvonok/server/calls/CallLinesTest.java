package dev.zvonok.server.calls;

import static dev.zvonok.server.calls.CallScenarios.DEALER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.db.schema.tables.records.CallsRecord;
import dev.zvonok.server.directory.ChangeRecorder;
import dev.zvonok.server.directory.Line;
import dev.zvonok.server.directory.LineDetails;
import dev.zvonok.server.directory.LineKind;
import dev.zvonok.server.directory.LineRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every inbound call keeps the line it came in on (its incoming number, else its queue) as the line was named then. */
class CallLinesTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private RecorderFixture fixture;
    private LineRepository lines;
    private CallRecorder recorder;

    @BeforeEach
    void setUp() {
        db.clean();
        fixture = new RecorderFixture(db.dsl());
        lines = new LineRepository(db.dsl(), fixture.numbers, fixture.directory);
        recorder = new CallRecorder(db.dsl(), fixture.directory).start();
    }

    @AfterEach
    void tearDown() {
        recorder.close();
    }

    private void record(List<dev.zvonok.server.tracking.CallEvent> events) throws InterruptedException {
        events.forEach(recorder::onCallEvent);
        assertThat(recorder.awaitIdle(Duration.ofSeconds(20))).as("all written").isTrue();
    }

    private Line line(LineKind kind, String number, String name, String source) {
        return lines.create(new LineDetails(kind, number, name, source, null, null), ChangeRecorder.none());
    }

    @Test
    void aCallOnAnUnknownLineOrDialledDirectlyHasNoLine() throws Exception {
        record(CallScenarios.queueAnsweredElsewhere("queue-1", T0));
        record(CallScenarios.directAnswered("direct-1", T0.plusSeconds(60), DEALER));

        assertThat(fixture.call("queue-1").getLineName()).isNull();
        assertThat(fixture.call("direct-1").getLineName()).isNull();
    }

    @Test
    void theQueueNamesTheLineWhenTheNumberIsNotALine() throws Exception {
        line(LineKind.QUEUE, "support", "Поддержка", "RK-support");

        record(CallScenarios.queueAnsweredElsewhere("queue-1", T0));

        CallsRecord call = fixture.call("queue-1");
        assertThat(call.getLineName()).isEqualTo("Поддержка");
        assertThat(call.getLineSource()).isEqualTo("RK-support");
    }

    @Test
    void theIncomingNumberNamesTheLineAndARenameChangesTheNextCallNotTheHistory() throws Exception {
        line(LineKind.QUEUE, "support", "Поддержка", null);
        Line main = line(LineKind.DID, "8 (495) 123-45-67", "Реклама на радио", "RK-radio");

        record(CallScenarios.queueAnsweredElsewhere("before-rename", T0));
        lines.update(main.id(), new LineDetails(LineKind.DID, "+74951234567", "Радио «Маяк»", "RK-mayak", null, null),
                ChangeRecorder.none());
        record(CallScenarios.queueAnsweredElsewhere("after-rename", T0.plusSeconds(600)));

        assertThat(fixture.call("before-rename").getLineName()).isEqualTo("Реклама на радио");
        assertThat(fixture.call("before-rename").getLineSource()).isEqualTo("RK-radio");
        assertThat(fixture.call("after-rename").getLineName()).isEqualTo("Радио «Маяк»");
        assertThat(fixture.call("after-rename").getLineSource()).isEqualTo("RK-mayak");
    }
}
