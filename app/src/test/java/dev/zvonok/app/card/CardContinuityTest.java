package dev.zvonok.app.card;

import static dev.zvonok.app.card.Calls.CALL;
import static dev.zvonok.app.card.Calls.RING_AT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.app.settings.Languages;
import dev.zvonok.app.testing.MutableClock;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.call.CallNotes;
import dev.zvonok.model.call.ClientInfo;
import dev.zvonok.model.call.Priority;
import dev.zvonok.model.ws.ActiveCall;
import dev.zvonok.model.ws.HistoryEntry;
import dev.zvonok.model.ws.ServerMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The next card of the same caller goes on from the last: the history shows what was put on each earlier card, and
 * the client fields start from what the server knows of the number, without ever writing over the operator.
 */
class CardContinuityTest {

    static final ClientInfo ANNA = new ClientInfo("Анна Смирнова", "Автодом Волга", "Самара, ул. Мичурина 21", null);
    static final HistoryEntry MARKED = new HistoryEntry("1795206066.301001", Instant.parse("2026-11-18T13:05:00Z"),
            "Иван Иванов", CallDisposition.ANSWERED, "Просил перезвонить по гарантии", "777",
            List.of("гарантия", "ТО"), Priority.URGENT, ANNA);
    static final HistoryEntry PLAIN = new HistoryEntry("1794946866.300870", Instant.parse("2026-11-12T06:40:00Z"),
            "Пётр Петров", CallDisposition.ANSWERED, null, "888", List.of(), Priority.NORMAL, null);

    private final MutableClock clock = new MutableClock(RING_AT.plusMillis(300), Calls.ZONE);
    private final ManualTicks ticks = new ManualTicks();
    private final RecordingSync sync = new RecordingSync();
    private CardsPresenter presenter = new CardsPresenter(sync, clock, ticks, Languages.ENGLISH);

    // ---------------------------------------------------------------------------------------------- history

    static List<Arguments> languages() {
        return List.of(
                Arguments.of(Languages.ENGLISH, "Urgent", "Иван Иванов, ext. 777"),
                Arguments.of(Languages.RUSSIAN, "Срочный", "Иван Иванов, доб. 777"));
    }

    @ParameterizedTest
    @MethodSource("languages")
    void eachEarlierCallShowsItsTagsPriorityClientAndWhoTookIt(Locale language, String urgent, String operator) {
        presenter = new CardsPresenter(sync, clock, ticks, language);
        presenter.accept(Calls.ring());

        presenter.accept(new ServerMessage.CallHistory(CALL, List.of(MARKED, PLAIN), null));

        HistoryRow marked = onlyCard().history().getFirst();
        assertThat(marked.operator()).isEqualTo("Иван Иванов");
        assertThat(marked.operatorFull()).isEqualTo(operator);
        assertThat(marked.tags()).containsExactly("гарантия", "ТО");
        assertThat(marked.priority()).isEqualTo(urgent);
        assertThat(marked.urgency()).isEqualTo(Priority.URGENT);
        assertThat(marked.client()).isEqualTo("Анна Смирнова · Автодом Волга");
        assertThat(marked.notes()).isEqualTo("Просил перезвонить по гарантии");
        HistoryRow plain = onlyCard().history().get(1);
        assertThat(plain.priority()).as("normal is no mark").isEmpty();
        assertThat(plain.urgency()).isNull();
        assertThat(plain.tags()).isEmpty();
        assertThat(plain.client()).isEmpty();
    }

    @Test
    void aClientWithoutNameOrCompanyIsShownByWhatWasNoted() {
        assertThat(CardLabels.client(new ClientInfo(null, " ", "Самара", "постоянный"))).isEqualTo("Самара");
        assertThat(CardLabels.client(null)).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------- known client

    @Test
    void theKnownClientFillsTheClientFieldsAsNoEditAndGoesOutBeforeTheFinish() {
        presenter.accept(Calls.ring());
        presenter.accept(new ServerMessage.CallHistory(CALL, List.of(MARKED), ANNA));
        CardViewModel card = onlyCard();

        assertThat(card.notes().clientNameProperty().get()).isEqualTo("Анна Смирнова");
        assertThat(card.notes().clientCompanyProperty().get()).isEqualTo("Автодом Волга");
        assertThat(card.notes().clientAddressProperty().get()).isEqualTo("Самара, ул. Мичурина 21");
        assertThat(card.notes().clientCommentProperty().get()).isEmpty();
        assertThat(card.notes().prefilledProperty().get()).isTrue();
        assertThat(card.notes().saveState()).as("nothing the operator changed").isEqualTo(SaveState.UNCHANGED);
        assertThat(sync.edits).isEmpty();

        talkAndFinish();

        assertThat(sync.sent).as("what the card showed is stored for the call, then it is finished")
                .containsExactly("edit " + CALL, "finish " + CALL);
        assertThat(sync.lastEdit().draft().clientInfo()).isEqualTo(ANNA);
    }

    @Test
    void theOperatorsFirstEditCarriesTheKnownClientAndTheFinishSendsNothingMore() {
        presenter.accept(Calls.ring(CALL, "777", List.of(MARKED)).withHistory(List.of(MARKED), ANNA));
        CardViewModel card = onlyCard();
        assertThat(card.historyLoadingProperty().get()).isFalse();

        card.notes().notesProperty().set("Записал на ТО");

        assertThat(sync.lastEdit().draft().clientInfo()).isEqualTo(ANNA);
        card.notesSaved(1);
        talkAndFinish();
        assertThat(sync.sent).containsExactly("edit " + CALL, "finish " + CALL);
    }

    @Test
    void aKnownClientArrivingAfterTheOperatorTypedTheClientChangesNothing() {
        presenter.accept(Calls.ring());
        CardViewModel card = onlyCard();
        card.notes().clientNameProperty().set("Борис");

        presenter.accept(new ServerMessage.CallHistory(CALL, List.of(MARKED), ANNA));

        assertThat(card.notes().clientNameProperty().get()).isEqualTo("Борис");
        assertThat(card.notes().clientCompanyProperty().get()).as("not mixed with another person's data").isEmpty();
        assertThat(card.notes().prefilledProperty().get()).isFalse();
        assertThat(sync.edits).extracting(edit -> edit.draft().clientInfo())
                .containsExactly(new ClientInfo("Борис", null, null, null));
    }

    @Test
    void notesTypedBeforeTheKnownClientStayAndTheClientFieldsStillFill() {
        presenter.accept(Calls.ring());
        CardViewModel card = onlyCard();
        card.notes().notesProperty().set("Звонит по гарантии");

        presenter.accept(new ServerMessage.CallHistory(CALL, List.of(MARKED), ANNA));

        assertThat(card.notes().notesProperty().get()).isEqualTo("Звонит по гарантии");
        assertThat(card.notes().clientNameProperty().get()).isEqualTo("Анна Смирнова");
        assertThat(sync.edits).as("the prefill itself sends nothing").hasSize(1);
    }

    @Test
    void clearedByTheOperatorTheKnownClientNeverComesBack() {
        presenter.accept(Calls.ring(CALL, "777", List.of()).withHistory(List.of(), ANNA));
        CardViewModel card = onlyCard();
        card.notes().clientNameProperty().set("");
        card.notes().clientCompanyProperty().set("");
        card.notes().clientAddressProperty().set("");
        card.notesSaved(3);
        CallNotes stored = sync.lastEdit().draft();
        assertThat(stored.clientInfo()).isEqualTo(ClientInfo.EMPTY);

        // a reconnect restores the card with what was stored: empty client fields, as the operator left them
        presenter.accept(new ServerMessage.ActiveCalls(List.of(new ActiveCall(
                Calls.ring(CALL, "777", List.of()).withHistory(List.of(), ANNA), ActiveCall.State.ACTIVE,
                RING_AT.plusSeconds(4), null, null, new CallNotes("", List.of(), null, null, 3)))));

        assertThat(card.notes().clientNameProperty().get()).isEmpty();
        assertThat(card.notes().prefilledProperty().get()).isFalse();
    }

    @Test
    void aRestoredCardKeepsTheClientStoredForItsCallAndFillsOnlyWhenNoneWasStored() {
        ClientInfo vera = new ClientInfo("Вера", null, null, null);
        presenter.accept(new ServerMessage.ActiveCalls(List.of(
                new ActiveCall(Calls.ring(CALL, "777", List.of()).withHistory(List.of(), ANNA),
                        ActiveCall.State.ACTIVE, RING_AT.plusSeconds(4), null, null,
                        new CallNotes("", List.of(), null, vera, 2)),
                new ActiveCall(Calls.ring(Calls.OTHER_CALL, "777", List.of()).withHistory(List.of(), ANNA),
                        ActiveCall.State.ACTIVE, RING_AT.plusSeconds(4), null, null,
                        new CallNotes("перезвонить", List.of(), null, null, 1)))));

        CardViewModel stored = presenter.cards().getFirst();
        assertThat(stored.notes().clientNameProperty().get()).isEqualTo("Вера");
        assertThat(stored.notes().clientCompanyProperty().get()).isEmpty();
        CardViewModel withoutClient = presenter.cards().get(1);
        assertThat(withoutClient.notes().notesProperty().get()).isEqualTo("перезвонить");
        assertThat(withoutClient.notes().clientNameProperty().get()).isEqualTo("Анна Смирнова");
        assertThat(withoutClient.notes().saveState()).isEqualTo(SaveState.SAVED);
        assertThat(sync.edits).isEmpty();
    }

    private void talkAndFinish() {
        Instant answeredAt = RING_AT.plusSeconds(4);
        presenter.accept(Calls.answered(CALL, "777", answeredAt));
        presenter.accept(Calls.endedAfterTalk(CALL, answeredAt, Duration.ofSeconds(60)));
        onlyCard().finish();
        clock.advance(CardViewModel.UNDO_WINDOW);
        ticks.tick();
    }

    private CardViewModel onlyCard() {
        assertThat(presenter.cards()).hasSize(1);
        return presenter.cards().getFirst();
    }
}
