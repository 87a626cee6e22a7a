package dev.zvonok.server.calls;

import static dev.zvonok.server.calls.CallScenarios.DEALER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.call.CallNotes;
import dev.zvonok.model.call.ClientInfo;
import dev.zvonok.model.call.Priority;
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

    /** A database of its own for each test: both record calls of the same dealer. */
    @RegisterExtension
    final TestDatabase db = new TestDatabase();

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
                new HistoryEntry("queue", T0.plusSeconds(1200), "Пётр Петров", CallDisposition.ANSWERED, null,
                        "888", List.of(), null, null),
                new HistoryEntry("blind", T0.plusSeconds(600), "Иван Иванов", CallDisposition.ANSWERED,
                        "Передал Петрову", "777", List.of(), Priority.NORMAL, null),
                new HistoryEntry("missed", T0, "Иван Иванов", CallDisposition.MISSED, null, "777", List.of(), null,
                        null));
        assertThat(calls.history(DEALER, 3)).as("history() keeps calls in progress")
                .extracting(CallHistoryEntry::linkedid).containsExactly("now", "queue", "blind");
        assertThat(calls.lastCalls(null, 3)).isEmpty();
        assertThat(calls.lastCalls("+70000000000", 3)).isEmpty();
    }

    @Test
    void eachCallCarriesItsOperatorsCardAndTheNumberItsLastClientFields() throws Exception {
        RecorderFixture fixture = new RecorderFixture(db.dsl());
        CallRepository calls = new CallRepository(db.dsl(), fixture.numbers);
        CallCards cards = new CallCards(db.dsl(), fixture.numbers);
        List<CallEvent> ringingNow = CallScenarios.directAnswered("now", T0.plusSeconds(3600), DEALER);
        try (CallRecorder recorder = new CallRecorder(db.dsl(), fixture.directory).start()) {
            CallScenarios.concat(
                    CallScenarios.directAnswered("first", T0, DEALER),
                    CallScenarios.blindTransfer("blind", T0.plusSeconds(600)),
                    CallScenarios.queueAnsweredElsewhere("queue", T0.plusSeconds(1200)),
                    ringingNow.subList(0, 2)).forEach(recorder::onCallEvent);
            assertThat(recorder.awaitIdle(Duration.ofSeconds(20))).isTrue();
        }
        ClientInfo anna = new ClientInfo("Анна Смирнова", "Автодом Волга", "Самара, ул. Мичурина 21", null);
        cards.save(new CardKey("first", "777"), fixture.userId("ivanov"), null,
                new CallNotes("Первый звонок", List.of(), Priority.LOW, new ClientInfo("Борис", null, null, null),
                        0));
        // the blind transfer: 777 wrote tags and a priority, 888 (who took it over) the client
        cards.save(new CardKey("blind", "777"), fixture.userId("ivanov"), null,
                new CallNotes("", List.of("гарантия", "ТО"), Priority.URGENT, null, 0));
        cards.save(new CardKey("blind", "888"), fixture.userId("petrov"), null,
                new CallNotes("Записал на ТО", List.of(), null, anna, 0));
        // the call ringing now already has client fields: it is no earlier call
        cards.save(new CardKey("now", "777"), fixture.userId("ivanov"), null,
                new CallNotes("", List.of(), null, new ClientInfo("Вера", null, null, null), 0));

        NumberHistory found = calls.numberHistory("8 927 139-09-07", 3);

        assertThat(found.lastCalls()).extracting(HistoryEntry::callId).containsExactly("queue", "blind", "first");
        HistoryEntry blind = found.lastCalls().get(1);
        assertThat(blind.operator()).isEqualTo("Иван Иванов");
        assertThat(blind.operatorExtension()).isEqualTo("777");
        assertThat(blind.tags()).containsExactly("гарантия", "ТО");
        assertThat(blind.priority()).isEqualTo(Priority.URGENT);
        assertThat(blind.notes()).as("777's card had tags but no text").isNull();
        assertThat(blind.clientInfo()).as("777 noted no client; 888 did, on its own card").isNull();
        HistoryEntry first = found.lastCalls().get(2);
        assertThat(first.notes()).isEqualTo("Первый звонок");
        assertThat(first.priority()).isEqualTo(Priority.LOW);
        assertThat(first.clientInfo()).isEqualTo(new ClientInfo("Борис", null, null, null));
        assertThat(found.lastClient()).as("the newest ended call with client fields, whoever noted them")
                .isEqualTo(anna);
        assertThat(calls.lastClient("+70000000000")).isNull();
        assertThat(calls.numberHistory(null, 3)).isEqualTo(NumberHistory.NONE);
    }
}
