package dev.zvonok.app.history;

import static dev.zvonok.app.history.Calls.IVANOV;
import static dev.zvonok.app.history.Calls.inbound;
import static dev.zvonok.app.history.Calls.page;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.app.testing.MutableClock;
import dev.zvonok.model.api.CallListItem;
import dev.zvonok.model.api.CallPage;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.model.ws.DialFailure;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class MissedCallsViewModelTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    private final List<HistoryQuery> queries = new ArrayList<>();
    private CallPage answer = page(1, 0);
    private final CallHistorySource source = query -> {
        queries.add(query);
        return CompletableFuture.completedFuture(answer);
    };
    private final List<String> dialled = new ArrayList<>();
    private final List<CompletableFuture<PlacedCall>> dialAnswers = new ArrayList<>();
    private final Dialer dialer = number -> {
        dialled.add(number);
        CompletableFuture<PlacedCall> accepted = new CompletableFuture<>();
        dialAnswers.add(accepted);
        return accepted;
    };
    private final MissedCallsViewModel vm = new MissedCallsViewModel(source, dialer, IVANOV, Runnable::run,
            new MutableClock(NOW, MOSCOW), PhoneNumbers.russian());

    private final CallListItem thisMorning = inbound("m1", "+79271390907", "Автодом Волга", null,
            CallDisposition.MISSED, Instant.parse("2026-11-21T07:30:00Z"));
    private final CallListItem yesterday = inbound("m2", "+79991234567", "ООО Ромашка", null,
            CallDisposition.MISSED, Instant.parse("2026-11-20T15:00:00Z"));
    private final CallListItem anonymous = inbound("m3", null, null, null,
            CallDisposition.MISSED, Instant.parse("2026-11-21T08:00:00Z"));

    @Test
    void theListIsTheOperatorsMissedCallsOfTheLastWeek() {
        vm.refresh();

        assertThat(queries).singleElement().isEqualTo(new HistoryQuery(1, HistoryQuery.MAX_LIMIT,
                OffsetDateTime.parse("2026-11-15T00:00:00+03:00"), null, CallDisposition.MISSED, IVANOV.id(), null,
                false)); // missed calls nobody got through on since: the server decides
    }

    @Test
    void theBadgeCountsTodaysMissedCallsUntilTheListIsSeen() {
        answer = page(1, 2, thisMorning, yesterday);
        vm.refresh();
        assertThat(vm.rows()).containsExactly(thisMorning, yesterday);
        assertThat(vm.unseenCountProperty().get()).as("today's, not yesterday's").isEqualTo(1);

        vm.markSeen();
        assertThat(vm.unseenCountProperty().get()).isZero();

        CallListItem justNow = inbound("m4", "+79271390907", null, null, CallDisposition.MISSED,
                NOW.minusSeconds(5));
        answer = page(1, 3, justNow, thisMorning, yesterday);
        vm.refresh();
        assertThat(vm.unseenCountProperty().get()).as("a new one after looking").isEqualTo(1);

        vm.refresh();
        assertThat(vm.unseenCountProperty().get()).as("refreshing is not looking").isEqualTo(1);
    }

    @Test
    void seeingAnEmptyListIsNoError() {
        vm.markSeen();
        assertThat(vm.unseenCountProperty().get()).isZero();
    }

    @Test
    void callingBackDialsTheCallerAndSaysWhenThePhoneRings() {
        vm.callBack(thisMorning);

        assertThat(dialled).containsExactly("+79271390907");
        assertThat(vm.callBackProperty().get())
                .isEqualTo(new CallBackStatus("+79271390907", CallBackStatus.Stage.REQUESTED));

        dialAnswers.getFirst().complete(new PlacedCall(new CompletableFuture<>()));
        assertThat(vm.callBackProperty().get())
                .isEqualTo(new CallBackStatus("+79271390907", CallBackStatus.Stage.PHONE_RINGING));
    }

    @Test
    void aDeskPhoneThePbxThenDidNotReachIsSaidWithWhy() {
        vm.callBack(thisMorning);
        CompletableFuture<DialFailure> notReached = new CompletableFuture<>();
        dialAnswers.getFirst().complete(new PlacedCall(notReached));
        assertThat(vm.callBackProperty().get().stage()).isEqualTo(CallBackStatus.Stage.PHONE_RINGING);

        notReached.complete(DialFailure.BUSY);

        assertThat(vm.callBackProperty().get()).isEqualTo(new CallBackStatus("+79271390907",
                CallBackStatus.Stage.NOT_REACHED, DialFailure.BUSY));
        assertThat(vm.callBackProperty().get().textKey("missed.callBack."))
                .isEqualTo("missed.callBack.NOT_REACHED.busy");
    }

    @Test
    void anOlderCallBackNotReachedDoesNotOverwriteANewerOne() {
        vm.callBack(thisMorning);
        CompletableFuture<DialFailure> notReached = new CompletableFuture<>();
        dialAnswers.getFirst().complete(new PlacedCall(notReached));
        vm.callBack(yesterday);
        dialAnswers.getLast().complete(new PlacedCall(new CompletableFuture<>()));

        notReached.complete(DialFailure.NO_ANSWER);

        assertThat(vm.callBackProperty().get())
                .isEqualTo(new CallBackStatus("+79991234567", CallBackStatus.Stage.PHONE_RINGING));
    }

    @Test
    void aRefusedCallBackIsSaid() {
        vm.callBack(yesterday);
        dialAnswers.getFirst().completeExceptionally(new IllegalStateException("originate-failed"));

        assertThat(vm.callBackProperty().get())
                .isEqualTo(new CallBackStatus("+79991234567", CallBackStatus.Stage.FAILED));
    }

    @Test
    void anOlderCallBacksAnswerDoesNotOverwriteANewerOne() {
        vm.callBack(thisMorning);
        vm.callBack(yesterday);

        dialAnswers.getFirst().complete(new PlacedCall(new CompletableFuture<>()));

        assertThat(vm.callBackProperty().get())
                .isEqualTo(new CallBackStatus("+79991234567", CallBackStatus.Stage.REQUESTED));
    }

    @Test
    void anAnonymousCallerCannotBeCalledBack() {
        assertThat(vm.canCallBack(anonymous)).isFalse();
        assertThat(vm.canCallBack(thisMorning)).isTrue();

        vm.callBack(anonymous);

        assertThat(dialled).isEmpty();
        assertThat(vm.callBackProperty().get()).isNull();
    }
}
