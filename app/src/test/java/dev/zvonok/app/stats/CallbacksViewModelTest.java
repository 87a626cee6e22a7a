package dev.zvonok.app.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.app.history.CallBackStatus;
import dev.zvonok.app.history.Dialer;
import dev.zvonok.app.history.PlacedCall;
import dev.zvonok.app.testing.MutableClock;
import dev.zvonok.model.stats.CallbackItem;
import dev.zvonok.model.stats.StatsCallbacks;
import dev.zvonok.model.ws.DialFailure;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class CallbacksViewModelTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-12-03");

    private final FakeStats server = new FakeStats();
    private final List<String> dialled = new ArrayList<>();
    private final List<CompletableFuture<PlacedCall>> dialAnswers = new ArrayList<>();
    private final Dialer dialer = number -> {
        dialled.add(number);
        CompletableFuture<PlacedCall> accepted = new CompletableFuture<>();
        dialAnswers.add(accepted);
        return accepted;
    };
    private final CallbacksViewModel vm = new CallbacksViewModel(server, dialer, Runnable::run,
            new MutableClock(NOW, ZoneId.of("Europe/Moscow")));

    private final CallbackItem volga = new CallbackItem("+79271390907", "Автодом Волга", NOW.minusSeconds(7200),
            NOW.minusSeconds(600), 35, 2, 41);

    @Test
    void theListIsTheLastWeeksNumbersNotReachedAndFollowsThePeriodChosen() {
        vm.refresh();
        assertThat(server.queries("callbacks")).containsExactly(StatsRequest.of(new DateRange(TODAY.minusDays(6),
                TODAY)));
        server.<StatsCallbacks>last("callbacks").answer().complete(new StatsCallbacks(null, 1, 1, 200,
                List.of(volga)));
        assertThat(vm.rows()).containsExactly(volga);
        assertThat(vm.totalProperty().get()).isEqualTo(1);

        vm.periodProperty().set(PeriodChoice.TODAY);
        assertThat(server.last("callbacks").query()).isEqualTo(StatsRequest.of(new DateRange(TODAY, TODAY)));
        server.<StatsCallbacks>last("callbacks").answer().complete(new StatsCallbacks(null, 0, 1, 200,
                List.of()));
        assertThat(vm.rows()).as("called back: gone at the next read").isEmpty();
    }

    @Test
    void callBackRingsTheSupervisorsPhoneAndSaysHowItWent() {
        vm.callBack(volga);
        assertThat(dialled).containsExactly("+79271390907");
        assertThat(vm.callBackProperty().get()).isEqualTo(new CallBackStatus("+79271390907",
                CallBackStatus.Stage.REQUESTED));

        CompletableFuture<DialFailure> notReached = new CompletableFuture<>();
        dialAnswers.getFirst().complete(new PlacedCall(notReached));
        assertThat(vm.callBackProperty().get().stage()).isEqualTo(CallBackStatus.Stage.PHONE_RINGING);
        notReached.complete(DialFailure.UNKNOWN);
        assertThat(vm.callBackProperty().get()).as("the PBX never said")
                .isEqualTo(new CallBackStatus("+79271390907", CallBackStatus.Stage.NOT_REACHED, DialFailure.UNKNOWN));

        vm.callBack(volga);
        dialAnswers.getLast().completeExceptionally(new IllegalStateException("offline"));
        assertThat(vm.callBackProperty().get().stage()).isEqualTo(CallBackStatus.Stage.FAILED);
    }

    @Test
    void aCallRecordedElsewhereRereadsTheListOnceItWasAskedFor() {
        vm.callsChanged();
        assertThat(server.queries("callbacks")).as("nobody looked yet: no question").isEmpty();

        vm.refresh();
        vm.callsChanged();
        assertThat(server.queries("callbacks")).hasSize(2);
    }

    @Test
    void theCallBacksTileListsTheNumbersOfItsOwnQuestionUntilAPeriodIsChosenHere() {
        StatsRequest tile = new StatsRequest(new DateRange(TODAY.minusDays(2), TODAY), List.of(8L, 9L),
                List.of("Альфа"), "Продажи", "support", null);
        JournalQuery notReached = JournalQuery.of(tile);

        vm.show(notReached);
        assertThat(server.last("callbacks").query()).as("the tile's days and filters, not the last week's")
                .isEqualTo(tile);
        assertThat(vm.figureProperty().get()).isEqualTo(notReached);
        vm.callsChanged();
        assertThat(server.last("callbacks").query()).as("read again, same question").isEqualTo(tile);

        vm.periodProperty().set(PeriodChoice.TODAY);
        assertThat(vm.figureProperty().get()).isNull();
        assertThat(server.last("callbacks").query()).isEqualTo(StatsRequest.of(new DateRange(TODAY, TODAY)));

        vm.show(notReached);
        vm.showPeriod();
        assertThat(vm.figureProperty().get()).isNull();
        assertThat(server.last("callbacks").query()).as("back to the period chosen")
                .isEqualTo(StatsRequest.of(new DateRange(TODAY, TODAY)));
    }

    @Test
    void aFailedReadKeepsTheListAndSaysWhy() {
        vm.refresh();
        server.<StatsCallbacks>last("callbacks").answer().complete(new StatsCallbacks(null, 1, 1, 200,
                List.of(volga)));
        vm.refresh();
        server.<StatsCallbacks>last("callbacks").answer().completeExceptionally(new java.io.IOException("away"));

        assertThat(vm.rows()).containsExactly(volga);
        assertThat(vm.problemProperty().get()).isEqualTo("away");
    }
}
