package dev.zvonok.app.history;

import dev.zvonok.model.phone.PhoneNumbers;
import static dev.zvonok.app.history.Calls.IVANOV;
import static dev.zvonok.app.history.Calls.inbound;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.app.testing.MutableClock;
import dev.zvonok.model.api.CallDetails;
import dev.zvonok.model.api.CallListItem;
import dev.zvonok.model.api.OfferView;
import dev.zvonok.model.api.TransferView;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.call.CallNotes;
import dev.zvonok.model.call.ClientInfo;
import dev.zvonok.model.call.OfferResult;
import dev.zvonok.model.call.Priority;
import dev.zvonok.model.call.TransferKind;
import java.net.ConnectException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class CallDetailsViewModelTest {

    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");

    private record Request(String callId, CompletableFuture<CallDetails> answer) {
    }

    private final List<Request> requests = new ArrayList<>();
    private final CallDetailsSource source = id -> {
        Request request = new Request(id, new CompletableFuture<>());
        requests.add(request);
        return request.answer();
    };
    private final CallListItem listed = inbound("c1", "+79271390907", "Автодом Волга", "ООО «Волга-Авто»",
            CallDisposition.ANSWERED, T0);
    private final CallDetailsViewModel vm = new CallDetailsViewModel(source, listed, Runnable::run,
            new MutableClock(T0, ZoneId.of("Europe/Moscow")), PhoneNumbers.russian(), IVANOV.extensions());

    private static final OfferView IVANOVS = new OfferView("777", 1L, "Иван Иванов", OfferResult.TRANSFERRED, T0,
            T0.plusSeconds(2), T0.plusSeconds(10), null, "888", new CallNotes("Передал Петрову", List.of(),
            Priority.NORMAL, ClientInfo.EMPTY, 1), T0.plusSeconds(20), false, 10L);
    private static final OfferView PETROVS = new OfferView("888", 2L, "Пётр Петров", OfferResult.ANSWERED,
            T0.plusSeconds(10), T0.plusSeconds(13), T0.plusSeconds(40), "777", null, new CallNotes("", List.of(),
            Priority.HIGH, new ClientInfo("Сергей", null, null, null), 2), null, false, null);
    /** Rang, was answered elsewhere, wrote nothing, closed nothing: no card. */
    private static final OfferView SIDOROVS = new OfferView("999", 3L, "Сидор Сидоров",
            OfferResult.ANSWERED_ELSEWHERE, T0, null, T0.plusSeconds(2), null, null, CallNotes.NONE, null, false,
            null);

    private CallDetails details() {
        CallListItem now = new CallListItem("c1", listed.direction(), listed.callerNumber(), listed.caller(),
                listed.dialed(), "support", CallDisposition.ANSWERED, "888", "Пётр Петров", T0, T0.plusSeconds(13),
                T0.plusSeconds(40), 13L, 27L, null, null, "Передал Петрову");
        return new CallDetails(now, List.of(IVANOVS, SIDOROVS, PETROVS),
                List.of(new TransferView("777", "888", TransferKind.BLIND, T0.plusSeconds(10))));
    }

    @Test
    void showsWhatTheListKnewAtOnceAndTheWholeCallOnceTheServerAnswers() {
        assertThat(vm.callProperty().get()).isSameAs(listed);
        assertThat(vm.otherPartyNumber()).isEqualTo("+7 927 139-09-07");

        vm.load();

        assertThat(requests).extracting(Request::callId).containsExactly("c1");
        assertThat(vm.loadingProperty().get()).isTrue();
        assertThat(vm.loadedProperty().get()).isFalse();

        requests.getLast().answer().complete(details());

        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.loadedProperty().get()).isTrue();
        assertThat(vm.problemProperty().get()).isNull();
        assertThat(vm.callProperty().get().queue()).as("the server's call now").isEqualTo("support");
        assertThat(vm.offers()).containsExactly(IVANOVS, SIDOROVS, PETROVS);
        assertThat(vm.transfers()).hasSize(1);
    }

    @Test
    void theCardsAreThoseWrittenOnOrFinishedWithWhoseTheyAre() {
        vm.load();
        requests.getLast().answer().complete(details());

        assertThat(vm.cards()).containsExactly(
                new CallCard("Иван Иванов", "777", IVANOVS.notes(), T0.plusSeconds(20), 10L),
                new CallCard("Пётр Петров", "888", PETROVS.notes(), null, null));
        assertThat(vm.cards().get(1).hasClientInfo()).isTrue();
    }

    @Test
    void anOperatorUnknownToTheDirectoryIsTheirExtensionAndAnOlderServersOfferHasAnEmptyCard() {
        OfferView unknown = new OfferView("555", null, null, OfferResult.ANSWERED, T0, T0, T0, null, null, null,
                T0.plusSeconds(30), true, null);

        assertThat(CallCard.of(unknown)).isEqualTo(new CallCard("555", "555", CallNotes.NONE, T0.plusSeconds(30),
                null));
    }

    @Test
    void aServerOutOfReachIsSaidAndTryingAgainLoadsTheCall() {
        vm.load();
        requests.getLast().answer().completeExceptionally(new java.io.IOException(new ConnectException("refused")));

        assertThat(vm.problemProperty().get()).isEqualTo(LoadProblem.UNREACHABLE);
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.loadedProperty().get()).isFalse();
        assertThat(vm.callProperty().get()).as("what the list knew stays").isSameAs(listed);

        vm.load();
        assertThat(vm.loadingProperty().get()).isTrue();
        requests.getLast().answer().complete(details());

        assertThat(vm.problemProperty().get()).isNull();
        assertThat(vm.loadedProperty().get()).isTrue();
    }

    @Test
    void aCallTheServerDoesNotKnowIsNotFoundAndAnyOtherFailureIsAFailure() {
        vm.load();
        requests.getLast().answer().completeExceptionally(new NoSuchCall("c1"));
        assertThat(vm.problemProperty().get()).isEqualTo(LoadProblem.NOT_FOUND);

        vm.load();
        requests.getLast().answer().completeExceptionally(new IllegalStateException("500"));
        assertThat(vm.problemProperty().get()).isEqualTo(LoadProblem.FAILED);
    }

    @Test
    void aSourceThatThrowsIsAFailureNotACrash() {
        CallDetailsViewModel broken = new CallDetailsViewModel(id -> {
            throw new IllegalStateException("no session");
        }, listed, Runnable::run, new MutableClock(T0, ZoneId.of("UTC")), PhoneNumbers.russian(), List.of());

        broken.load();

        assertThat(broken.problemProperty().get()).isEqualTo(LoadProblem.FAILED);
        assertThat(broken.loadingProperty().get()).isFalse();
    }

    @Test
    void anAnswerOvertakenByANewerLoadIsDropped() {
        List<Runnable> fxQueue = new ArrayList<>();
        CallDetailsViewModel queued = new CallDetailsViewModel(source, listed, fxQueue::add,
                new MutableClock(T0, ZoneId.of("UTC")), PhoneNumbers.russian(), List.of());
        queued.load();
        queued.load();

        requests.get(1).answer().complete(details());
        requests.get(0).answer().completeExceptionally(new java.io.IOException("late"));
        fxQueue.forEach(Runnable::run);

        assertThat(queued.problemProperty().get()).isNull();
        assertThat(queued.loadedProperty().get()).isTrue();
    }
}
