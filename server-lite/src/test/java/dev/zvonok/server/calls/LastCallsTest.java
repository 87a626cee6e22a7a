package dev.zvonok.server.calls;

import static dev.zvonok.server.calls.CallScenarios.DEALER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.call.CallNotes;
import dev.zvonok.model.ws.HistoryEntry;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.tracking.CallEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The incoming-call card's history in its wire form, while the caller's new call is already being recorded. */
class LastCallsTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void theLastEndedCallsWithTheNamedOperatorsNotes() throws Exception {
        RecorderFixture fixture = new RecorderFixture(db.dsl());
        CallRepository calls = new CallRepository(db.dsl(), fixture.numbers);
        CallCards cards = new CallCards(db.dsl(), fixture.numbers);
        List<CallEvent> ringingNow = CallScenarios.directAnswered("now", T0.plusSeconds(3600), DEALER);
        try (CallRecorder recorder = new CallRecorder(db.dsl(), fixture.directory).start()) {
            CallScenarios.concat(
                    CallScenarios.missed("missed", T0),
                    CallScenarios.blindTransfer("blind", T0.plusSeconds(600)),
                    CallScenarios.queueAnsweredElsewhere("queue", T0.plusSeconds(1200)),
                    ringingNow.subList(0, 2)).forEach(recorder::onCallEvent);
            assertThat(recorder.awaitIdle(Duration.ofSeconds(20))).isTrue();
        }
        cards.save(new CardKey("blind", "777"), fixture.userId("ivanov"), null,
                new CallNotes("Передал Петрову", List.of(), null, null, 0));
        cards.save(new CardKey("blind", "888"), fixture.userId("petrov"), null,
                new CallNotes("Записал на ТО", List.of(), null, null, 0));

        List<HistoryEntry> history = calls.lastCalls("+7 927 139-09-07", 3);

        assertThat(history).containsExactly(
                new HistoryEntry("queue", T0.plusSeconds(1200), "Пётр Петров", CallDisposition.ANSWERED, null),
                new HistoryEntry("blind", T0.plusSeconds(600), "Иван Иванов", CallDisposition.ANSWERED,
                        "Передал Петрову"),
                new HistoryEntry("missed", T0, "Иван Иванов", CallDisposition.MISSED, null));
        assertThat(calls.history(DEALER, 3)).as("history() keeps calls in progress")
                .extracting(CallHistoryEntry::linkedid).containsExactly("now", "queue", "blind");
        assertThat(calls.lastCalls(null, 3)).isEmpty();
        assertThat(calls.lastCalls("+70000000000", 3)).isEmpty();
    }
}
