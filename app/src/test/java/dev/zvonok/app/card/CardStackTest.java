package dev.zvonok.app.card;

import static dev.zvonok.app.card.Calls.CALL;
import static dev.zvonok.app.card.Calls.OTHER_CALL;
import static dev.zvonok.app.card.Calls.RING_AT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.app.settings.Languages;
import dev.zvonok.app.testing.MutableClock;
import dev.zvonok.model.call.OfferResult;
import dev.zvonok.model.ws.ActiveCall;
import dev.zvonok.model.ws.ServerMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which card is open and which wait as rows, call by call; no JavaFX running. */
class CardStackTest {

    private static final String THIRD_CALL = "1795292555.301330";

    private final MutableClock clock = new MutableClock(RING_AT.plusMillis(300), Calls.ZONE);
    private final RecordingSync sync = new RecordingSync();
    private final CardsPresenter presenter = new CardsPresenter(sync, clock, new ManualTicks(), Languages.ENGLISH);
    /** The cards the operator is typing in, as the windows would say. */
    private final Set<CardViewModel> workedIn = new HashSet<>();
    private final CardStack stack = new CardStack(presenter.cards(), workedIn::contains);

    @Test
    void aRingOpensItsCardAndNothingWaits() {
        presenter.accept(Calls.ring());

        assertThat(stack.expanded().callId()).isEqualTo(CALL);
        assertThat(stack.rows()).isEmpty();
        assertThat(stack.waitingToFinish().get()).isZero();
    }

    @Test
    void aCardStaysOpenAfterItsCallEndedUntilSomethingElseRings() {
        talkAndEnd(CALL);

        assertThat(stack.expanded().callId()).as("'Call ended', waiting for Finish").isEqualTo(CALL);
        assertThat(stack.waitingToFinish().get()).isEqualTo(1);

        presenter.accept(Calls.queueRing(OTHER_CALL, "777"));

        assertThat(stack.expanded().callId()).as("the ring must be seen").isEqualTo(OTHER_CALL);
        assertThat(ids(stack.rows())).containsExactly(CALL);
        assertThat(stack.waitingToFinish().get()).isEqualTo(1);
    }

    @Test
    void aRingWaitsAsARowWhileTheOperatorTypesInTheOpenCard() {
        talkAndEnd(CALL);
        workedIn.add(card(CALL));
        stack.keyboardMoved();

        presenter.accept(Calls.queueRing(OTHER_CALL, "777"));

        assertThat(stack.expanded().callId()).as("nothing moves under the operator's hands").isEqualTo(CALL);
        assertThat(ids(stack.rows())).containsExactly(OTHER_CALL);

        workedIn.clear(); // the operator clicks into the main window
        stack.keyboardMoved();

        assertThat(stack.expanded().callId()).isEqualTo(OTHER_CALL);
        assertThat(ids(stack.rows())).containsExactly(CALL);
    }

    @Test
    void ringingRowsComeFirstThenTheOthersAsTheyCame() {
        talkAndEnd(CALL);
        presenter.accept(Calls.queueRing(OTHER_CALL, "777"));
        presenter.accept(Calls.ring(THIRD_CALL, "777", List.of()));

        assertThat(stack.expanded().callId()).as("the first ring stays open").isEqualTo(OTHER_CALL);
        assertThat(ids(stack.rows())).containsExactly(THIRD_CALL, CALL);
    }

    @Test
    void anOpenRingStaysOpenWhenAnotherRings() {
        presenter.accept(Calls.ring());
        presenter.accept(Calls.queueRing(OTHER_CALL, "777"));

        assertThat(stack.expanded().callId()).as("calm: the first ring stays where it is").isEqualTo(CALL);
        assertThat(ids(stack.rows())).containsExactly(OTHER_CALL);
    }

    @Test
    void whenTheOpenCardGoesTheTalkingOneOpensAndWaitingCardsStayRows() {
        talkAndEnd(CALL);
        presenter.accept(Calls.queueRing(OTHER_CALL, "777"));
        presenter.accept(Calls.answered(OTHER_CALL, "777", RING_AT.plusSeconds(3)));
        presenter.accept(Calls.ring(THIRD_CALL, "777", List.of()));
        assertThat(stack.expanded().callId()).isEqualTo(THIRD_CALL);

        presenter.accept(Calls.ringEnded(THIRD_CALL, OfferResult.MISSED));
        clock.advance(CardViewModel.HINT_DURATION);
        presenter.tick();

        assertThat(stack.expanded().callId()).as("the call being talked on").isEqualTo(OTHER_CALL);
        assertThat(ids(stack.rows())).containsExactly(CALL);
    }

    @Test
    void theOperatorOpensARowAndItStaysOpenWhileTheyWorkInItEvenWhenSomethingRings() {
        talkAndEnd(CALL);
        presenter.accept(Calls.queueRing(OTHER_CALL, "777"));

        stack.choose(card(CALL));
        assertThat(stack.expanded().callId()).isEqualTo(CALL);
        workedIn.add(card(CALL)); // its window shows and takes the keyboard
        stack.keyboardMoved();

        presenter.accept(Calls.ring(THIRD_CALL, "777", List.of()));
        assertThat(stack.expanded().callId()).isEqualTo(CALL);
        assertThat(ids(stack.rows())).containsExactly(OTHER_CALL, THIRD_CALL);
    }

    @Test
    void cardsRestoredAtLoginComeBackAsRowsWithTheirCount() {
        presenter.accept(new ServerMessage.ActiveCalls(List.of(
                new ActiveCall(Calls.ring(CALL, "777", null), ActiveCall.State.ENDED, null, null, null, null),
                new ActiveCall(Calls.queueRing(OTHER_CALL, "777"), ActiveCall.State.ENDED, null, null, null, null))));

        assertThat(stack.expanded()).as("nobody asked for one of them").isNull();
        assertThat(ids(stack.rows())).containsExactly(CALL, OTHER_CALL);
        assertThat(stack.waitingToFinish().get()).isEqualTo(2);
    }

    @Test
    void theCardARingTookThePlaceOfOpensAgainAndStaysOpenForItsUndoOnceFinished() {
        talkAndEnd(CALL);
        presenter.accept(Calls.queueRing(OTHER_CALL, "777"));
        presenter.accept(Calls.ringEnded(OTHER_CALL, OfferResult.ANSWERED_ELSEWHERE));
        clock.advance(CardViewModel.HINT_DURATION);
        presenter.tick();
        assertThat(stack.expanded().callId()).as("back to the card being wrapped up").isEqualTo(CALL);

        card(CALL).finish();
        assertThat(stack.expanded().callId()).as("Reopen stays under the pointer").isEqualTo(CALL);
        assertThat(stack.waitingToFinish().get()).isZero();
    }

    private void talkAndEnd(String callId) {
        presenter.accept(Calls.ring(callId, "777", List.of()));
        presenter.accept(Calls.answered(callId, "777", RING_AT.plusSeconds(4)));
        presenter.accept(Calls.endedAfterTalk(callId, RING_AT.plusSeconds(4), Duration.ofSeconds(60)));
    }

    private CardViewModel card(String callId) {
        return presenter.cards().stream().filter(card -> card.callId().equals(callId)).findFirst().orElseThrow();
    }

    private static List<String> ids(List<CardViewModel> cards) {
        return new ArrayList<>(cards.stream().map(CardViewModel::callId).toList());
    }
}
