package dev.zvonok.server.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.model.phone.PhoneNumbers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every recording of a real Asterisk 20, fed to the pure tracker: the calls must be exactly the expected ones. */
class CallTrackerTraceTest {

    static final List<String> TRACES = RecordedTraces.ALL;

    @ParameterizedTest
    @FieldSource("TRACES")
    void yieldsExactlyTheExpectedCalls(String trace) {
        List<CallEvent> events = new ArrayList<>();
        CallTracker tracker = new CallTracker(PhoneNumbers.russian(), ExtensionPatternEndpoints.standard(), events::add);

        RecordedTraces.pbxEvents(trace).forEach(tracker::accept);

        List<CallRecord> calls = events.stream()
                .filter(CallEvent.CallEnded.class::isInstance)
                .map(e -> ((CallEvent.CallEnded) e).record())
                .toList();
        ExpectedCalls.assertMatches(trace, calls);
        assertThat(tracker.activeCallCount()).as("calls left open").isZero();
        assertThat(tracker.liveChannelCount()).as("legs left open").isZero();
        assertThat(tracker.stats().failures()).as("tracking failures").isZero();
    }
}
