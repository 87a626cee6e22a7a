package dev.zvonok.app.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.app.history.CallBackStatus.Stage;
import dev.zvonok.model.ws.DialFailure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The "Call back" every list shares: what it asks the dialer and how the last one is told. */
class LastCallBackTest {

    private static final String VOLGA = "+79271390907";
    private static final String KAMA = "+78432000000";

    private final Map<String, CompletableFuture<PlacedCall>> asked = new HashMap<>();
    /** The server's later word on each call back the server accepted: the phone not reached. */
    private final Map<String, CompletableFuture<DialFailure>> notReached = new HashMap<>();
    /** Answers land here, as on the FX thread: the test runs them when it says so. */
    private final List<Runnable> fxThread = new ArrayList<>();
    private final LastCallBack lastCallBack = new LastCallBack(number -> {
        CompletableFuture<PlacedCall> answer = new CompletableFuture<>();
        asked.put(number, answer);
        return answer;
    }, fxThread::add);

    @Test
    void nothingToTellBeforeTheFirst() {
        assertThat(lastCallBack.statusProperty().get()).isNull();
    }

    @Test
    void theNumberIsDialledAndTheDeskPhoneRingsOnceTheServerTookIt() {
        lastCallBack.callBack(VOLGA);

        assertThat(asked).containsOnlyKeys(VOLGA);
        assertThat(lastCallBack.statusProperty().get()).isEqualTo(new CallBackStatus(VOLGA, Stage.REQUESTED));

        accept(VOLGA);
        assertThat(lastCallBack.statusProperty().get()).as("only on the FX thread")
                .isEqualTo(new CallBackStatus(VOLGA, Stage.REQUESTED));
        runFxThread();
        assertThat(lastCallBack.statusProperty().get()).isEqualTo(new CallBackStatus(VOLGA, Stage.PHONE_RINGING));
    }

    @Test
    void aRefusalIsAFailure() {
        lastCallBack.callBack(VOLGA);
        asked.get(VOLGA).completeExceptionally(new IllegalStateException("no such extension"));
        runFxThread();

        assertThat(lastCallBack.statusProperty().get()).isEqualTo(new CallBackStatus(VOLGA, Stage.FAILED));
    }

    @Test
    void aDialerThatThrowsOrAnswersNothingIsAFailureNotACrash() {
        LastCallBack throwing = new LastCallBack(number -> {
            throw new IllegalStateException("not connected");
        }, Runnable::run);
        LastCallBack silent = new LastCallBack(number -> null, Runnable::run);

        throwing.callBack(VOLGA);
        silent.callBack(KAMA);

        assertThat(throwing.statusProperty().get()).isEqualTo(new CallBackStatus(VOLGA, Stage.FAILED));
        assertThat(silent.statusProperty().get()).isEqualTo(new CallBackStatus(KAMA, Stage.FAILED));
    }

    @Test
    void aLateAnswerToAnEarlierCallBackDoesNotHideTheNewerOne() {
        lastCallBack.callBack(VOLGA);
        lastCallBack.callBack(KAMA);

        asked.get(VOLGA).completeExceptionally(new IllegalStateException("too late to matter"));
        runFxThread();
        assertThat(lastCallBack.statusProperty().get()).isEqualTo(new CallBackStatus(KAMA, Stage.REQUESTED));

        accept(KAMA);
        runFxThread();
        assertThat(lastCallBack.statusProperty().get()).isEqualTo(new CallBackStatus(KAMA, Stage.PHONE_RINGING));
    }

    @Test
    void aPhoneThePbxDidNotRingThroughIsToldWithWhy() {
        lastCallBack.callBack(VOLGA);
        accept(VOLGA);
        runFxThread();

        notReached.get(VOLGA).complete(DialFailure.BUSY);
        runFxThread();

        assertThat(lastCallBack.statusProperty().get())
                .isEqualTo(new CallBackStatus(VOLGA, Stage.NOT_REACHED, DialFailure.BUSY));
    }

    @Test
    void aPhoneNotReachedAfterANewerCallBackStartedDoesNotHideIt() {
        lastCallBack.callBack(VOLGA);
        accept(VOLGA);
        runFxThread();
        lastCallBack.callBack(KAMA);

        notReached.get(VOLGA).complete(DialFailure.NO_ANSWER);
        runFxThread();

        assertThat(lastCallBack.statusProperty().get()).isEqualTo(new CallBackStatus(KAMA, Stage.REQUESTED));
    }

    /** The server accepts the call back to {@code number}: the desk phone is about to ring. */
    private void accept(String number) {
        CompletableFuture<DialFailure> later = new CompletableFuture<>();
        notReached.put(number, later);
        asked.get(number).complete(new PlacedCall(later));
    }

    private void runFxThread() {
        List<Runnable> due = List.copyOf(fxThread);
        fxThread.clear();
        due.forEach(Runnable::run);
    }
}
