package dev.zvonok.server.board;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zvonok.model.board.BoardCall;
import dev.zvonok.model.board.OperatorState;
import dev.zvonok.model.directory.CallerView;
import dev.zvonok.model.directory.LineView;
import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.tracking.CallTracker;
import dev.zvonok.server.tracking.CallInfo;
import dev.zvonok.server.tracking.ExpectedCalls;
import dev.zvonok.server.tracking.ExtensionPatternEndpoints;
import dev.zvonok.server.tracking.RecordedTraces;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every recording of a real Asterisk (both sets) through the tracker into the operators' states, with the three
 * operators' apps connected: each operator passes through the states the recording's truth says — ringing, talking,
 * wrap-up for an offer they took (a transfer's passer and target both, a pickup without the ringing), ringing and
 * back to available for one they did not, nothing for a call that never reached them — and is available with no
 * call once their cards are closed. Every state change is seen here (no coalescing), so a state that flickers past is
 * caught too.
 */
class OperatorStatesTraceTest {

    static final List<String> TRACES = RecordedTraces.ALL;

    private static final Map<String, Long> OPERATORS = Map.of("777", 1L, "888", 2L, "999", 3L);

    @ParameterizedTest
    @FieldSource("TRACES")
    void eachOperatorPassesThroughTheStatesTheRecordingSays(String trace) {
        OperatorStates states = new OperatorStates(new BoardDirectory() {
            @Override
            public Optional<Long> operatorOf(String extension) {
                return Optional.ofNullable(OPERATORS.get(extension));
            }

            @Override
            public CallerView caller(String number) {
                return CallerView.UNKNOWN;
            }

            @Override
            public LineView line(CallInfo call) {
                return null;
            }
        });
        Map<Long, List<OperatorState>> seen = new HashMap<>();
        for (long id : OPERATORS.values()) {
            states.connected(id, RecordedTraces.EPOCH);
            seen.computeIfAbsent(id, k -> new ArrayList<>()).add(states.now(id).state());
        }
        Set<String> callIds = new HashSet<>();
        CallTracker tracker = new CallTracker(PhoneNumbers.russian(), ExtensionPatternEndpoints.standard(), event -> {
            callIds.add(event.callId());
            states.onCallEvent(event);
            for (long id : states.drainChanged()) {
                List<OperatorState> path = seen.get(id);
                OperatorState now = states.now(id).state();
                if (path.getLast() != now) {
                    path.add(now);
                }
            }
        });
        RecordedTraces.pbxEvents(trace).forEach(tracker::accept);

        Map<String, Part> parts = parts(trace);
        for (Map.Entry<String, Long> operator : OPERATORS.entrySet()) {
            String who = trace + " " + operator.getKey();
            List<OperatorState> path = seen.get(operator.getValue());
            Part part = parts.getOrDefault(operator.getKey(), Part.NONE);
            switch (part) {
                case NONE -> assertThat(path).as(who + ": never reached").containsExactly(OperatorState.AVAILABLE);
                case NOT_TALKED -> {
                    assertThat(path).as(who + ": perhaps rang, never talked")
                            .doesNotContain(OperatorState.TALKING, OperatorState.WRAPUP);
                    assertThat(path.getLast()).as(who + ": free again").isEqualTo(OperatorState.AVAILABLE);
                }
                case RANG -> {
                    assertThat(path).as(who + ": rang, never talked").contains(OperatorState.RINGING)
                            .doesNotContain(OperatorState.TALKING, OperatorState.WRAPUP);
                    assertThat(path.getLast()).as(who + ": free again").isEqualTo(OperatorState.AVAILABLE);
                }
                case RANG_AND_TALKED, PICKED_UP -> {
                    assertThat(path).as(who + ": talked, then wrapped up")
                            .containsSubsequence(OperatorState.TALKING, OperatorState.WRAPUP);
                    if (part == Part.RANG_AND_TALKED) {
                        assertThat(path).as(who + ": rang before the talk")
                                .containsSubsequence(OperatorState.RINGING, OperatorState.TALKING);
                    }
                    assertThat(path.getLast()).as(who + ": the card waits for Finish and close")
                            .isEqualTo(OperatorState.WRAPUP);
                }
            }
            Instant later = RecordedTraces.EPOCH.plusSeconds(3_600);
            for (BoardCall call : states.now(operator.getValue()).calls()) {
                states.finished(operator.getValue(), call.callId(), later);
            }
            assertThat(states.now(operator.getValue())).as(who + ": after Finish and close")
                    .extracting(OperatorNow::state, OperatorNow::calls)
                    .containsExactly(OperatorState.AVAILABLE, List.of());
        }
    }

    /** An operator's part in a recording, from its truth; the later, the stronger (one part per operator). */
    private enum Part {
        NONE,
        /** The truth names no offers (a refused call): the phone may have rung, nobody talked. */
        NOT_TALKED,
        RANG,
        RANG_AND_TALKED,
        PICKED_UP
    }

    private static Map<String, Part> parts(String trace) {
        Map<String, Part> parts = new HashMap<>();
        for (JsonNode call : ExpectedCalls.forTrace(trace)) {
            if (!call.has("offers")) {
                boolean answered = call.get("disposition").asText().equals("answered");
                if (call.get("direction").asText().equals("outbound") && answered) {
                    // click-to-call rings the operator's own phone first, then they talk
                    parts.merge(call.get("caller").asText(), Part.RANG_AND_TALKED, OperatorStatesTraceTest::stronger);
                } else if (!answered) {
                    parts.merge(call.get("dialed").asText(), Part.NOT_TALKED, OperatorStatesTraceTest::stronger);
                }
            } else {
                call.get("offers").fields().forEachRemaining(offer -> {
                    String result = offer.getValue().asText();
                    Part part = switch (result) {
                        case "answered", "transferred" -> Part.RANG_AND_TALKED;
                        case "busy" -> Part.NONE; // a busy phone never rings
                        default -> Part.RANG;
                    };
                    parts.merge(offer.getKey(), part, OperatorStatesTraceTest::stronger);
                });
            }
            JsonNode answeredBy = call.get("answeredBy");
            if (answeredBy != null && !answeredBy.isNull() && !call.path("offers").has(answeredBy.asText())) {
                parts.merge(answeredBy.asText(), Part.PICKED_UP, OperatorStatesTraceTest::stronger);
            }
        }
        return parts;
    }

    private static Part stronger(Part a, Part b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
