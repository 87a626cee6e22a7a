package dev.zvonok.server.calls;

import static dev.zvonok.server.db.schema.Tables.CALLS;
import static dev.zvonok.server.db.schema.Tables.CALL_OFFERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.tracking.CallEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A burst of calls (a replayed day, a busy hour) is written in batches, each call once and whole. How fast is a
 * question for the benchmark (docs/benchmarks.md), not for this test.
 */
class CallRecorderBurstTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @Test
    void aBurstOfCallsIsWrittenWhole() throws Exception {
        RecorderFixture fixture = new RecorderFixture(db.dsl());
        Instant t0 = Instant.parse("2026-11-21T08:00:00Z");
        List<CallEvent> events = new ArrayList<>();
        int calls = 1_000;
        for (int i = 0; i < calls; i++) {
            Instant t = t0.plusSeconds(10L * i);
            events.addAll(i % 2 == 0
                    ? CallScenarios.directAnswered("b" + i, t, CallScenarios.DEALER)
                    : CallScenarios.queueAnsweredElsewhere("b" + i, t));
        }
        try (CallRecorder recorder = new CallRecorder(db.dsl(), fixture.directory).start()) {
            events.forEach(recorder::onCallEvent);
            assertThat(recorder.awaitIdle(Duration.ofSeconds(120))).isTrue();
            assertThat(recorder.stats().failures()).isZero();
            assertThat(recorder.stats().written()).isEqualTo(events.size());
        }
        assertThat(db.dsl().fetchCount(CALLS)).isEqualTo(calls);
        assertThat(db.dsl().fetchCount(CALLS, CALLS.DISPOSITION.eq("answered"))).isEqualTo(calls);
        assertThat(db.dsl().fetchCount(CALL_OFFERS)).isEqualTo(calls + calls / 2);
    }
}
