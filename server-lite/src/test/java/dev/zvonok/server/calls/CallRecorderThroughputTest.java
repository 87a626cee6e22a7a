package dev.zvonok.server.calls;

import static dev.zvonok.server.db.schema.Tables.CALLS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.tracking.CallEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How fast calls are written when they come in a burst (a replayed day, a busy hour); logs its figures. */
class CallRecorderThroughputTest {

    private static final Logger log = LoggerFactory.getLogger(CallRecorderThroughputTest.class);

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @Test
    void aBurstOfCallsIsWrittenInBatches() throws Exception {
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
            long start = System.nanoTime();
            events.forEach(recorder::onCallEvent);
            long handOff = System.nanoTime() - start;
            assertThat(recorder.awaitIdle(Duration.ofSeconds(120))).isTrue();
            long elapsed = System.nanoTime() - start;
            log.info("Recorder: {} events of {} calls written in {} ms ({} events/s); hand-off {} ns per event",
                    events.size(), calls, elapsed / 1_000_000, events.size() * 1_000_000_000L / elapsed,
                    handOff / events.size());
            assertThat(recorder.stats().failures()).isZero();
        }
        assertThat(db.dsl().fetchCount(CALLS)).isEqualTo(calls);
    }
}
