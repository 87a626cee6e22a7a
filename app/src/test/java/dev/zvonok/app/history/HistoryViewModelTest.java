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
import java.net.ConnectException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HistoryViewModelTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    /** Saturday 21 November 2026, 15:00 in Moscow. */
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    private record Request(HistoryQuery query, CompletableFuture<CallPage> answer) {
    }

    private final List<Request> requests = new ArrayList<>();
    private final CallHistorySource source = query -> {
        Request request = new Request(query, new CompletableFuture<>());
        requests.add(request);
        return request.answer();
    };
    private final HistoryViewModel vm = new HistoryViewModel(source, IVANOV, Runnable::run,
            new MutableClock(NOW, MOSCOW), PhoneNumbers.russian());

    private final CallListItem volga = inbound("c1", "+79271390907", "Автодом Волга", "ООО «Волга-Авто»",
            CallDisposition.ANSWERED, NOW.minusSeconds(600));
    private final CallListItem romashka = inbound("c2", "+79991234567", "ООО Ромашка", "ООО Ромашка",
            CallDisposition.MISSED, NOW.minusSeconds(1200));

    private HistoryQuery lastQuery() {
        return requests.getLast().query();
    }

    @Test
    void theFirstLoadIsTheOperatorsOwnLastSevenDaysNewestFirst() {
        vm.refresh();

        assertThat(lastQuery()).isEqualTo(new HistoryQuery(1, HistoryViewModel.PAGE_SIZE,
                OffsetDateTime.parse("2026-11-15T00:00:00+03:00"), null, null, IVANOV.id(), null));
        assertThat(vm.loadingProperty().get()).isTrue();

        requests.getLast().answer().complete(page(1, 2, volga, romashka));

        assertThat(vm.rows()).containsExactly(volga, romashka);
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.totalProperty().get()).isEqualTo(2);
        assertThat(vm.problemProperty().get()).isNull();
    }

    @Test
    void periodsAreDaysOfTheCallCentre() {
        vm.periodProperty().set(Period.TODAY);
        assertThat(lastQuery().dateFrom()).isEqualTo(HistoryQuery.startOf(TODAY, MOSCOW));
        assertThat(lastQuery().dateTo()).as("up to now, calls just ended included").isNull();

        vm.periodProperty().set(Period.YESTERDAY);
        assertThat(lastQuery().dateFrom()).isEqualTo(HistoryQuery.startOf(TODAY.minusDays(1), MOSCOW));
        assertThat(lastQuery().dateTo()).isEqualTo(HistoryQuery.endOf(TODAY.minusDays(1), MOSCOW));

        vm.periodProperty().set(Period.CUSTOM);
        assertThat(lastQuery().dateFrom()).as("no dates picked yet: everything").isNull();
        assertThat(lastQuery().dateTo()).isNull();

        vm.customFromProperty().set(LocalDate.of(2026, 11, 1));
        vm.customToProperty().set(LocalDate.of(2026, 11, 10));
        assertThat(lastQuery().dateFrom()).isEqualTo(HistoryQuery.startOf(LocalDate.of(2026, 11, 1), MOSCOW));
        assertThat(lastQuery().dateTo()).isEqualTo(HistoryQuery.endOf(LocalDate.of(2026, 11, 10), MOSCOW));

        vm.customToProperty().set(LocalDate.of(2026, 10, 25));
        assertThat(lastQuery().dateFrom()).as("picked the wrong way round")
                .isEqualTo(HistoryQuery.startOf(LocalDate.of(2026, 10, 25), MOSCOW));
        assertThat(lastQuery().dateTo()).isEqualTo(HistoryQuery.endOf(LocalDate.of(2026, 11, 1), MOSCOW));
    }

    @Test
    void theDispositionFilterGoesToTheServer() {
        vm.dispositionProperty().set(CallDisposition.MISSED);
        assertThat(lastQuery().status()).isEqualTo(CallDisposition.MISSED);

        vm.dispositionProperty().set(null);
        assertThat(lastQuery().status()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"89271390907", "+7 927 139-09-07", "9271390907", " 8 (927) 139-09-07 "})
    void aNumberInAnyFormatIsSearchedOnTheServerNormalized(String typed) {
        vm.searchTextProperty().set(typed);

        assertThat(lastQuery().number()).isEqualTo("+79271390907");
        assertThat(lastQuery().page()).isEqualTo(1);
        assertThat(vm.searchProperty().get()).isEqualTo(new Search.ByNumber("+79271390907"));
    }

    @Test
    void theSameNumberTypedDifferentlyAsksNothingNew() {
        vm.searchTextProperty().set("89271390907");
        int asked = requests.size();

        vm.searchTextProperty().set("+7 927 139-09-07");

        assertThat(requests).hasSize(asked);
    }

    @Test
    void aNameFiltersTheLoadedPageWithoutAskingTheServer() {
        vm.refresh();
        requests.getLast().answer().complete(page(1, 2, volga, romashka));
        int asked = requests.size();

        vm.searchTextProperty().set("ромаш");

        assertThat(requests).as("the server has no name filter").hasSize(asked);
        assertThat(vm.rows()).containsExactly(romashka);
        assertThat(vm.searchProperty().get()).isEqualTo(new Search.ByName("ромаш"));

        vm.searchTextProperty().set("волга-авто"); // the company
        assertThat(vm.rows()).containsExactly(volga);

        vm.searchTextProperty().set("иван иванов"); // the operator who answered
        assertThat(vm.rows()).containsExactly(volga);

        vm.searchTextProperty().set("");
        assertThat(vm.rows()).containsExactly(volga, romashka);
    }

    @Test
    void clearingANumberSearchAsksForEverythingAgain() {
        vm.searchTextProperty().set("777");
        assertThat(lastQuery().number()).isEqualTo("777");

        vm.searchTextProperty().set("");

        assertThat(lastQuery().number()).isNull();
    }

    @Test
    void pagesGoForthAndBackAndAFilterChangeStartsAtPageOne() {
        vm.refresh();
        requests.getLast().answer().complete(page(1, 120, volga));
        assertThat(vm.totalPagesProperty().get()).isEqualTo(3);
        assertThat(vm.hasPreviousPageProperty().get()).isFalse();
        assertThat(vm.hasNextPageProperty().get()).isTrue();

        vm.nextPage();
        assertThat(lastQuery().page()).isEqualTo(2);
        requests.getLast().answer().complete(page(2, 120, romashka));
        assertThat(vm.pageProperty().get()).isEqualTo(2);
        assertThat(vm.rows()).containsExactly(romashka);

        vm.nextPage();
        requests.getLast().answer().complete(page(3, 120, volga));
        int asked = requests.size();
        vm.nextPage();
        assertThat(requests).as("no page after the last").hasSize(asked);

        vm.previousPage();
        assertThat(lastQuery().page()).isEqualTo(2);

        vm.dispositionProperty().set(CallDisposition.ANSWERED);
        assertThat(lastQuery().page()).isEqualTo(1);
    }

    @Test
    void refreshReloadsTheCurrentPage() {
        vm.refresh();
        requests.getLast().answer().complete(page(1, 120, volga));
        vm.nextPage();
        requests.getLast().answer().complete(page(2, 120, romashka));

        vm.refresh();

        assertThat(lastQuery().page()).isEqualTo(2);
    }

    @Test
    void anAnswerOvertakenByANewerRequestIsDropped() {
        vm.searchTextProperty().set("8927");
        Request slow = requests.getLast();
        vm.searchTextProperty().set("89271390907");
        Request fast = requests.getLast();

        fast.answer().complete(page(1, 1, volga));
        slow.answer().complete(page(1, 1, romashka));

        assertThat(vm.rows()).containsExactly(volga);
        assertThat(vm.loadingProperty().get()).isFalse();
    }

    @Test
    void aFailedLoadKeepsTheLastRowsAndSaysWhy() {
        vm.refresh();
        requests.getLast().answer().complete(page(1, 1, volga));

        vm.refresh();
        requests.getLast().answer().completeExceptionally(new ConnectException("refused"));
        assertThat(vm.problemProperty().get()).isEqualTo(LoadProblem.UNREACHABLE);
        assertThat(vm.rows()).containsExactly(volga);
        assertThat(vm.loadingProperty().get()).isFalse();

        vm.refresh();
        requests.getLast().answer().completeExceptionally(new IllegalStateException("GET /api/calls answered 500"));
        assertThat(vm.problemProperty().get()).isEqualTo(LoadProblem.FAILED);

        vm.refresh();
        requests.getLast().answer().complete(page(1, 1, volga));
        assertThat(vm.problemProperty().get()).isNull();
    }

    @Test
    void answersAreAppliedOnlyThroughTheFxExecutor() {
        List<Runnable> fxQueue = new ArrayList<>();
        HistoryViewModel queued = new HistoryViewModel(source, IVANOV, fxQueue::add, new MutableClock(NOW, MOSCOW),
                PhoneNumbers.russian());
        queued.refresh();
        requests.getLast().answer().complete(page(1, 1, volga));
        assertThat(queued.rows()).isEmpty();

        fxQueue.forEach(Runnable::run);

        assertThat(queued.rows()).containsExactly(volga);
    }
}
