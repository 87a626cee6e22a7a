package dev.zvonok.server.board;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.model.board.BoardCall;
import dev.zvonok.model.board.BoardCallState;
import dev.zvonok.model.board.OperatorState;
import dev.zvonok.model.board.WorkStatus;
import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.OfferResult;
import dev.zvonok.model.call.TransferKind;
import dev.zvonok.model.directory.CallerKind;
import dev.zvonok.model.directory.CallerView;
import dev.zvonok.model.directory.LineView;
import dev.zvonok.server.tracking.CallEvent;
import dev.zvonok.server.tracking.CallInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OperatorStatesTest {

    private static final long IVANOV = 1;
    private static final long PETROV = 2;
    /** Ivanov has a desk phone (777) and a softphone (7771). */
    private static final Map<String, Long> PHONES = Map.of("777", IVANOV, "7771", IVANOV, "888", PETROV);
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private static final CallInfo CALL = new CallInfo("c1", CallDirection.INBOUND, "+79271390907", "+74951234500",
            "support", T0);
    private static final CallInfo SECOND = new CallInfo("c2", CallDirection.INBOUND, "+79991234567", "+74951234500",
            null, T0);

    private final OperatorStates states = new OperatorStates(new BoardDirectory() {
        @Override
        public Optional<Long> operatorOf(String extension) {
            return Optional.ofNullable(PHONES.get(extension));
        }

        @Override
        public CallerView caller(String number) {
            return "+79271390907".equals(number) ? new CallerView(CallerKind.DEALER, "Автодом Волга", "ООО «Волга-Авто»")
                    : CallerView.UNKNOWN;
        }

        @Override
        public LineView line(CallInfo call) {
            return new LineView("Сервис", "RK-1");
        }
    });

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void aConnectedOperatorRingsTalksWrapsUpAndIsAvailableAfterFinishAndClose() {
        assertThat(states.now(IVANOV).state()).isEqualTo(OperatorState.OFFLINE);
        states.connected(IVANOV, at(0));
        assertThat(states.now(IVANOV)).extracting(OperatorNow::state, OperatorNow::since)
                .containsExactly(OperatorState.AVAILABLE, at(0));

        states.onCallEvent(new CallEvent.CallStarted("c1", at(1), CALL));
        states.onCallEvent(new CallEvent.OfferRinging("c1", at(2), "777", CALL, null));
        OperatorNow ringing = states.now(IVANOV);
        assertThat(ringing.state()).isEqualTo(OperatorState.RINGING);
        assertThat(ringing.since()).isEqualTo(at(2));
        assertThat(ringing.calls()).singleElement().isEqualTo(new BoardCall("c1", CallDirection.INBOUND,
                "+79271390907", new CallerView(CallerKind.DEALER, "Автодом Волга", "ООО «Волга-Авто»"),
                new LineView("Сервис", "RK-1"), "support", null, BoardCallState.RINGING, at(2)));

        states.onCallEvent(new CallEvent.OfferAnswered("c1", at(5), "777", CALL));
        assertThat(states.now(IVANOV)).extracting(OperatorNow::state, OperatorNow::since)
                .containsExactly(OperatorState.TALKING, at(5));
        states.onCallEvent(new CallEvent.OfferEnded("c1", at(60), "777", OfferResult.ANSWERED, null));
        states.onCallEvent(new CallEvent.CallEnded("c1", at(60), null));
        OperatorNow wrapUp = states.now(IVANOV);
        assertThat(wrapUp.state()).isEqualTo(OperatorState.WRAPUP);
        assertThat(wrapUp.calls()).singleElement().extracting(BoardCall::state, BoardCall::since)
                .containsExactly(BoardCallState.WRAPUP, at(60));

        states.finished(IVANOV, "c1", at(90));
        assertThat(states.now(IVANOV)).extracting(OperatorNow::state, OperatorNow::since, OperatorNow::calls)
                .containsExactly(OperatorState.AVAILABLE, at(90), List.of());
        assertThat(states.drainChanged()).containsExactly(IVANOV);
        assertThat(states.drainChanged()).isEmpty();
    }

    @Test
    void aCallThatRangOutLeavesNothingToWrapUp() {
        states.connected(IVANOV, at(0));
        states.onCallEvent(new CallEvent.OfferRinging("c1", at(2), "777", CALL, null));
        states.onCallEvent(new CallEvent.OfferEnded("c1", at(20), "777", OfferResult.MISSED, null));
        assertThat(states.now(IVANOV)).extracting(OperatorNow::state, OperatorNow::since, OperatorNow::calls)
                .containsExactly(OperatorState.AVAILABLE, at(20), List.of());
    }

    @Test
    void callsLetRingOutAreCountedInARowOncePerCallUntilTheOperatorAnswersOne() {
        states.connected(IVANOV, at(0));
        states.drainChanged();
        // both of Ivanov's phones ring for c1 and neither is taken: one call not taken
        states.onCallEvent(new CallEvent.OfferRinging("c1", at(1), "777", CALL, null));
        states.onCallEvent(new CallEvent.OfferRinging("c1", at(1), "7771", CALL, null));
        states.onCallEvent(new CallEvent.OfferEnded("c1", at(20), "777", OfferResult.MISSED, null));
        states.onCallEvent(new CallEvent.OfferEnded("c1", at(20), "7771", OfferResult.MISSED, null));
        assertThat(states.now(IVANOV).unansweredInARow()).isOne();
        // declined counts; taken by a colleague or hung up by the caller does not
        states.onCallEvent(new CallEvent.OfferRinging("c2", at(30), "777", SECOND, null));
        states.onCallEvent(new CallEvent.OfferEnded("c2", at(35), "777", OfferResult.REJECTED, null));
        states.onCallEvent(new CallEvent.OfferRinging("c3", at(40), "777", SECOND, null));
        states.onCallEvent(new CallEvent.OfferEnded("c3", at(45), "777", OfferResult.ANSWERED_ELSEWHERE, "888"));
        states.onCallEvent(new CallEvent.OfferRinging("c4", at(50), "777", SECOND, null));
        states.onCallEvent(new CallEvent.OfferEnded("c4", at(55), "777", OfferResult.ABANDONED, null));
        assertThat(states.now(IVANOV).unansweredInARow()).isEqualTo(2);
        assertThat(states.drainChanged()).containsExactly(IVANOV);

        states.onCallEvent(new CallEvent.OfferRinging("c1", at(60), "777", CALL, null));
        states.onCallEvent(new CallEvent.OfferAnswered("c1", at(62), "777", CALL));
        assertThat(states.now(IVANOV).unansweredInARow()).as("answered: the row is broken").isZero();
        assertThat(states.now(PETROV).unansweredInARow()).isZero();
    }

    @Test
    void twoDevicesRingingForOneCallAreOneCallAndTheOtherStoppingDoesNotEndTheTalk() {
        states.connected(IVANOV, at(0));
        states.onCallEvent(new CallEvent.OfferRinging("c1", at(1), "777", CALL, null));
        states.onCallEvent(new CallEvent.OfferRinging("c1", at(1), "7771", CALL, null));
        assertThat(states.now(IVANOV).calls()).hasSize(1);
        states.onCallEvent(new CallEvent.OfferAnswered("c1", at(3), "7771", CALL));
        states.onCallEvent(new CallEvent.OfferEnded("c1", at(3), "777", OfferResult.ANSWERED_ELSEWHERE, "7771"));
        assertThat(states.now(IVANOV).state()).isEqualTo(OperatorState.TALKING);
        assertThat(states.now(IVANOV).calls()).singleElement().extracting(BoardCall::state)
                .isEqualTo(BoardCallState.TALKING);
    }

    @Test
    void aTransferMovesTheCallFromThePasserToTheTarget() {
        states.connected(IVANOV, at(0));
        states.connected(PETROV, at(0));
        states.onCallEvent(new CallEvent.OfferRinging("c1", at(1), "777", CALL, null));
        states.onCallEvent(new CallEvent.OfferAnswered("c1", at(2), "777", CALL));
        states.onCallEvent(new CallEvent.CallTransferred("c1", at(10), "777", "888", TransferKind.BLIND));
        states.onCallEvent(new CallEvent.OfferEnded("c1", at(10), "777", OfferResult.TRANSFERRED, null));
        states.onCallEvent(new CallEvent.OfferRinging("c1", at(10), "888", CALL, "777"));

        assertThat(states.now(IVANOV).state()).isEqualTo(OperatorState.WRAPUP);
        OperatorNow petrov = states.now(PETROV);
        assertThat(petrov.state()).isEqualTo(OperatorState.RINGING);
        assertThat(petrov.calls()).singleElement().extracting(BoardCall::transferredFrom).isEqualTo("777");
    }

    @Test
    void aSecondCallRingingWhileTalkingIsShownAndTheOperatorStillTalks() {
        states.connected(IVANOV, at(0));
        states.onCallEvent(new CallEvent.OfferRinging("c1", at(1), "777", CALL, null));
        states.onCallEvent(new CallEvent.OfferAnswered("c1", at(2), "777", CALL));
        states.onCallEvent(new CallEvent.OfferRinging("c2", at(5), "7771", SECOND, null));
        OperatorNow now = states.now(IVANOV);
        assertThat(now.state()).isEqualTo(OperatorState.TALKING);
        assertThat(now.since()).as("still the same talk").isEqualTo(at(2));
        assertThat(now.calls()).extracting(BoardCall::callId, BoardCall::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("c1", BoardCallState.TALKING),
                org.assertj.core.groups.Tuple.tuple("c2", BoardCallState.RINGING));
    }

    @Test
    void holdIsShownWhileEveryCallUpIsHeld() {
        states.connected(IVANOV, at(0));
        states.onCallEvent(new CallEvent.OfferAnswered("c1", at(2), "777", CALL));
        states.onCallEvent(new CallEvent.CallHeld("c1", at(4), "777"));
        assertThat(states.now(IVANOV)).extracting(OperatorNow::state, OperatorNow::since)
                .containsExactly(OperatorState.HOLD, at(4));
        states.onCallEvent(new CallEvent.CallResumed("c1", at(9), "777"));
        assertThat(states.now(IVANOV)).extracting(OperatorNow::state, OperatorNow::since)
                .containsExactly(OperatorState.TALKING, at(9));
    }

    @Test
    void aBreakShowsItsReasonACallOutranksItAndTheLastAppClosingIsOffline() {
        states.connected(IVANOV, at(0));
        states.connected(IVANOV, at(0));
        states.workStatus(IVANOV, WorkStatus.BREAK, "lunch", at(10));
        assertThat(states.now(IVANOV)).extracting(OperatorNow::state, OperatorNow::since, OperatorNow::reason)
                .containsExactly(OperatorState.BREAK, at(10), "lunch");
        states.workStatus(IVANOV, WorkStatus.BREAK, "meeting", at(20));
        assertThat(states.now(IVANOV)).extracting(OperatorNow::since, OperatorNow::reason)
                .containsExactly(at(20), "meeting");

        states.onCallEvent(new CallEvent.OfferAnswered("c1", at(30), "777", CALL));
        assertThat(states.now(IVANOV).state()).isEqualTo(OperatorState.TALKING);
        assertThat(states.now(IVANOV).reason()).isNull();
        states.onCallEvent(new CallEvent.CallEnded("c1", at(40), null));
        assertThat(states.now(IVANOV).state()).as("the chosen break outranks a card left open")
                .isEqualTo(OperatorState.BREAK);

        states.disconnected(IVANOV, at(50));
        assertThat(states.now(IVANOV).state()).as("one app still open").isEqualTo(OperatorState.BREAK);
        states.disconnected(IVANOV, at(60));
        assertThat(states.now(IVANOV)).extracting(OperatorNow::state, OperatorNow::since, OperatorNow::reason)
                .containsExactly(OperatorState.OFFLINE, at(60), null);
    }

    @Test
    void aCallTheReconciliationNoLongerListsEnds() {
        states.connected(IVANOV, at(0));
        states.onCallEvent(new CallEvent.OfferRinging("c2", at(1), "888", SECOND, null));
        states.onCallEvent(new CallEvent.OfferAnswered("c1", at(2), "777", CALL));
        states.onReconciled(at(100), Set.of());
        assertThat(states.now(IVANOV)).extracting(OperatorNow::state, OperatorNow::since)
                .containsExactly(OperatorState.WRAPUP, at(100));
        assertThat(states.now(PETROV).calls()).isEmpty();
    }

    @Test
    void aConsultationMergedIntoTheCustomersCallShowsTheCustomer() {
        CallInfo consult = new CallInfo("k1", CallDirection.INTERNAL, "777", "888", null, at(10));
        states.onCallEvent(new CallEvent.CallStarted("c1", at(0), CALL));
        states.onCallEvent(new CallEvent.OfferAnswered("c1", at(1), "777", CALL));
        states.onCallEvent(new CallEvent.OfferRinging("k1", at(10), "888", consult, null));
        states.onCallEvent(new CallEvent.OfferAnswered("k1", at(12), "888", consult));
        states.onCallEvent(new CallEvent.CallsMerged("c1", at(20), "k1"));
        assertThat(states.now(PETROV).calls()).singleElement().satisfies(call -> {
            assertThat(call.callId()).isEqualTo("c1");
            assertThat(call.callerNumber()).isEqualTo("+79271390907");
            assertThat(call.state()).isEqualTo(BoardCallState.TALKING);
        });
    }

    @Test
    void aCardClosedDuringTheTalkLeavesNoWrapUp() {
        states.connected(IVANOV, at(0));
        states.onCallEvent(new CallEvent.OfferAnswered("c1", at(1), "777", CALL));
        states.finished(IVANOV, "c1", at(5));
        states.onCallEvent(new CallEvent.OfferEnded("c1", at(9), "777", OfferResult.ANSWERED, null));
        assertThat(states.now(IVANOV)).extracting(OperatorNow::state, OperatorNow::calls)
                .containsExactly(OperatorState.AVAILABLE, List.of());
    }

    @Test
    void theChannelToListenToIsTheOneTheOperatorTalksOnThenOneOnHoldAndNoneOnceTheCallIsOver() {
        states.connected(IVANOV, at(0));
        assertThat(states.conversationChannel(IVANOV)).isEmpty();
        states.onCallEvent(new CallEvent.OfferRinging("c1", at(1), "777", CALL, null));
        assertThat(states.conversationChannel(IVANOV)).as("ringing: nothing to hear yet").isEmpty();
        states.onCallEvent(new CallEvent.OfferAnswered("c1", at(2), "777", CALL, "PJSIP/777-0000000a"));
        states.onCallEvent(new CallEvent.CallHeld("c1", at(3), "777"));
        states.onCallEvent(new CallEvent.OfferRinging("c2", at(4), "7771", SECOND, null));
        states.onCallEvent(new CallEvent.OfferAnswered("c2", at(5), "7771", SECOND, "PJSIP/7771-0000000c"));
        assertThat(states.conversationChannel(IVANOV)).as("the call talked on before the one on hold")
                .contains("PJSIP/7771-0000000c");

        states.onCallEvent(new CallEvent.OfferEnded("c2", at(9), "7771", OfferResult.ANSWERED, null));
        assertThat(states.conversationChannel(IVANOV)).contains("PJSIP/777-0000000a");
        states.onCallEvent(new CallEvent.CallEnded("c1", at(12), null));
        assertThat(states.conversationChannel(IVANOV)).as("wrap-up").isEmpty();
        assertThat(states.conversationChannel(PETROV)).isEmpty();
    }
}
