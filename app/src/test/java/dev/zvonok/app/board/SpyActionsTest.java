package dev.zvonok.app.board;

import static dev.zvonok.app.board.Boards.T0;
import static dev.zvonok.app.board.Boards.call;
import static dev.zvonok.app.board.Boards.change;
import static dev.zvonok.app.board.Boards.operator;
import static dev.zvonok.app.board.Boards.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.app.i18n.Texts;
import dev.zvonok.app.live.ConnectionState;
import dev.zvonok.app.testing.MutableClock;
import dev.zvonok.model.board.BoardCallState;
import dev.zvonok.model.board.BoardOperator;
import dev.zvonok.model.board.OperatorState;
import dev.zvonok.model.board.SpyMode;
import dev.zvonok.model.ws.ErrorCode;
import dev.zvonok.model.ws.ServerMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Listen, whisper, barge from the board's view-model: what is offered, what is sent, what the answer shows. */
class SpyActionsTest {

    private final MutableClock clock = new MutableClock(T0, Boards.ZONE);
    private final List<String> sent = new ArrayList<>();
    private boolean connected = true;
    private final BoardViewModel board = new BoardViewModel(new BoardViewModelTest.RecordingSubscription(), clock,
            BoardThresholds.defaults(), number -> number, (ref, operatorId, mode) -> {
                if (connected) {
                    sent.add(ref + " " + operatorId + " " + mode.wireName());
                }
                return connected;
            }, Runnable::run);
    private final SpyViewModel spying = board.spying();

    private final BoardOperator anna = operator(1, "Анна Смирнова", "701", "Sales", OperatorState.AVAILABLE,
            T0.minusSeconds(30));
    private final BoardOperator boris = operator(2, "Борис Иванов", "702", "Service", OperatorState.TALKING,
            T0.minusSeconds(125), call("c-1", "+74951234567", "ООО Ромашка", "Main line", BoardCallState.TALKING,
                    T0.minusSeconds(125)));

    @BeforeEach
    void onTheBoard() {
        board.connectionChanged(new ConnectionState.Connected());
        board.start();
        board.accept(snapshot(10, List.of(anna, boris), List.of(), null));
        board.tick();
    }

    @Test
    void offeredOnlyForAnOperatorOnACallAndSentWithTheirIdAndTheMode() {
        assertThat(spying.availableProperty().get()).as("nobody selected").isFalse();
        spying.select(1L);
        assertThat(spying.availableProperty().get()).as("Anna is on no call").isFalse();
        spying.listen();
        assertThat(sent).isEmpty();

        spying.select(2L);
        assertThat(spying.selectedProperty().get().name()).isEqualTo("Борис Иванов");
        assertThat(spying.availableProperty().get()).isTrue();
        spying.whisper();

        assertThat(sent).containsExactly("spy-1 2 whisper");
        assertThat(spying.statusProperty().get()).isEqualTo(
                new SpyViewModel.Status(SpyViewModel.Outcome.SENT, SpyMode.WHISPER, "Борис Иванов", null, null));
        assertThat(spying.availableProperty().get()).as("one order at a time").isFalse();

        board.accept(new ServerMessage.SpyAccepted("spy-1", 2, SpyMode.WHISPER));
        assertThat(spying.statusProperty().get().outcome()).isEqualTo(SpyViewModel.Outcome.ACCEPTED);
        assertThat(spying.availableProperty().get()).isTrue();
        spying.barge();
        assertThat(sent).containsExactly("spy-1 2 whisper", "spy-2 2 barge");
    }

    @Test
    void theSelectionOutlivesTheRowsOfAPassAndFollowsTheOperatorsCall() {
        spying.select(2L);
        BoardOperator borisDone = operator(2, "Борис Иванов", "702", "Service", OperatorState.WRAPUP, T0,
                call("c-1", "+74951234567", "ООО Ромашка", "Main line", BoardCallState.WRAPUP, T0));
        board.accept(change(10, 11, List.of(borisDone), List.of()));
        clock.advance(Duration.ofSeconds(1));
        board.tick();

        assertThat(spying.selectedProperty().get().state()).isEqualTo(OperatorState.WRAPUP);
        assertThat(spying.availableProperty().get()).as("the call is over: nothing to hear").isFalse();

        board.accept(change(11, 12, List.of(), List.of(2L)));
        clock.advance(Duration.ofSeconds(1));
        board.tick();
        assertThat(spying.selectedProperty().get()).as("gone from the board").isNull();
    }

    @Test
    void thePbxsWordOnTheSupervisorsPhoneFollowsTheAcceptanceAndAnOlderOrdersIsIgnored() {
        spying.select(2L);
        spying.listen();
        board.accept(new ServerMessage.SpyAccepted("spy-1", 2, SpyMode.LISTEN));
        board.accept(new ServerMessage.SpyOutcome("spy-1", 2, SpyMode.LISTEN, false, "busy"));

        SpyViewModel.Status busy = spying.statusProperty().get();
        assertThat(busy).isEqualTo(new SpyViewModel.Status(SpyViewModel.Outcome.NOT_REACHED, SpyMode.LISTEN,
                "Борис Иванов", "busy", null));
        assertThat(SupervisorView.spyText(busy, null, Texts.of(SupervisorView.class, Locale.ENGLISH)))
                .isEqualTo("Your phone was busy: nothing was joined.");

        spying.barge();
        board.accept(new ServerMessage.SpyAccepted("spy-2", 2, SpyMode.BARGE));
        board.accept(new ServerMessage.SpyOutcome("spy-1", 2, SpyMode.LISTEN, true, "answered"));
        assertThat(spying.statusProperty().get().outcome()).as("spy-1's, not this order's")
                .isEqualTo(SpyViewModel.Outcome.ACCEPTED);
        board.accept(new ServerMessage.SpyOutcome("spy-2", 2, SpyMode.BARGE, true, "answered"));
        SpyViewModel.Status joined = spying.statusProperty().get();
        assertThat(joined.outcome()).isEqualTo(SpyViewModel.Outcome.CONNECTED);
        assertThat(SupervisorView.spyText(joined, null, Texts.of(SupervisorView.class, Locale.forLanguageTag("ru"))))
                .isEqualTo("Вы в разговоре: Борис Иванов. Вас слышат обе стороны; положите трубку, чтобы выйти.");
    }

    @Test
    void anOutcomeTheServerCouldNotLearnIsShownAsUnknownNotAsAFailure() {
        spying.select(2L);
        spying.whisper();
        board.accept(new ServerMessage.SpyAccepted("spy-1", 2, SpyMode.WHISPER));
        board.accept(new ServerMessage.SpyOutcome("spy-1", 2, SpyMode.WHISPER, false, "unknown"));

        SpyViewModel.Status unknown = spying.statusProperty().get();
        assertThat(unknown).isEqualTo(new SpyViewModel.Status(SpyViewModel.Outcome.UNKNOWN, SpyMode.WHISPER,
                "Борис Иванов", "unknown", null));
        assertThat(SupervisorView.spyText(unknown, null, Texts.of(SupervisorView.class, Locale.ENGLISH)))
                .isEqualTo("The PBX did not say whether your phone was picked up (the server lost its link to it, or"
                        + " no word came in time): look at your phone.");
        assertThat(spying.availableProperty().get()).as("another order may be sent").isTrue();
    }

    @Test
    void aRefusalShowsWhyInTheSupervisorsLanguage() {
        spying.select(2L);
        spying.listen();
        board.accept(new ServerMessage.Error(ErrorCode.UNKNOWN_CALL.wireName(), "the operator is on no call now",
                "spy-1", null, null));

        SpyViewModel.Status refused = spying.statusProperty().get();
        assertThat(refused.outcome()).isEqualTo(SpyViewModel.Outcome.REFUSED);
        assertThat(refused.code()).isEqualTo("unknown-call");
        assertThat(SupervisorView.spyText(refused, null, Texts.of(SupervisorView.class, Locale.ENGLISH)))
                .isEqualTo("Refused: Борис Иванов is on no call now.");
        assertThat(SupervisorView.spyText(refused, null, Texts.of(SupervisorView.class, Locale.forLanguageTag("ru"))))
                .isEqualTo("Отказано: Борис Иванов сейчас не разговаривает.");
        SpyViewModel.Status pbx = new SpyViewModel.Status(SpyViewModel.Outcome.REFUSED, SpyMode.BARGE, "Борис Иванов",
                "pbx-unavailable", "the PBX refused: Permission denied");
        assertThat(SupervisorView.spyText(pbx, null, Texts.of(SupervisorView.class, Locale.ENGLISH)))
                .isEqualTo("The PBX refused: the PBX refused: Permission denied");
        assertThat(spying.availableProperty().get()).as("may try again").isTrue();
    }

    @Test
    void anotherRequestsErrorIsNotTheAnswerAndALostConnectionEndsTheWait() {
        spying.select(2L);
        spying.listen();
        board.accept(ServerMessage.Error.of(ErrorCode.FORBIDDEN, "no", "subscribe-board-9"));
        assertThat(spying.statusProperty().get().outcome()).isEqualTo(SpyViewModel.Outcome.SENT);

        board.connectionChanged(new ConnectionState.Reconnecting(T0.plusSeconds(2), "lost"));
        assertThat(spying.statusProperty().get().outcome()).isEqualTo(SpyViewModel.Outcome.NOT_CONNECTED);
        connected = false;
        spying.listen();
        assertThat(sent).containsExactly("spy-1 2 listen");
        assertThat(spying.statusProperty().get().outcome()).isEqualTo(SpyViewModel.Outcome.NOT_CONNECTED);
    }
}
