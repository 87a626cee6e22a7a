package dev.zvonok.app.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.model.stats.AssignedCallback;
import dev.zvonok.model.stats.AssignedCallbacks;
import dev.zvonok.model.ws.ServerMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The operator's "Given to you to call back": read from the server, kept live by its messages. */
class ToCallBackViewModelTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private final List<CompletableFuture<AssignedCallbacks>> reads = new ArrayList<>();
    private final List<String> dialled = new ArrayList<>();
    private final ToCallBackViewModel vm = new ToCallBackViewModel(() -> {
        CompletableFuture<AssignedCallbacks> read = new CompletableFuture<>();
        reads.add(read);
        return read;
    }, number -> {
        dialled.add(number);
        return CompletableFuture.completedFuture(null);
    }, Runnable::run);

    private final AssignedCallback volga = new AssignedCallback(41, "+79271390907", "Автодом Волга",
            NOW.minusSeconds(7200), NOW.minusSeconds(60), "Анна Смирнова");
    private final AssignedCallback romashka = new AssignedCallback(42, "+79990000002", null,
            NOW.minusSeconds(3600), NOW, "Анна Смирнова");

    @Test
    void aNumberGivenComesInPlaceByWhenItWasMissedAndIsSaid() {
        vm.refresh();
        reads.getFirst().complete(new AssignedCallbacks(List.of(romashka)));

        vm.accept(new ServerMessage.CallbackAssigned(volga));

        assertThat(vm.rows()).containsExactly(volga, romashka);
        assertThat(vm.givenProperty().get()).isEqualTo(volga);
        vm.accept(new ServerMessage.CallbackAssigned(volga));
        assertThat(vm.rows()).as("given again: once").containsExactly(volga, romashka);
    }

    @Test
    void aNumberTakenBackLeaves() {
        vm.accept(new ServerMessage.CallbackAssigned(volga));
        vm.accept(new ServerMessage.CallbackAssigned(romashka));

        vm.accept(new ServerMessage.CallbackWithdrawn(41, "+79271390907"));

        assertThat(vm.rows()).containsExactly(romashka);
    }

    @Test
    void aReadAfterTheNumberWasReachedEmptiesTheListButAReadOlderThanAMessageIsDropped() {
        vm.accept(new ServerMessage.CallbackAssigned(volga));
        vm.refresh();
        reads.getLast().complete(new AssignedCallbacks(List.of()));
        assertThat(vm.rows()).as("reached: the server no longer lists it").isEmpty();

        vm.refresh();
        vm.accept(new ServerMessage.CallbackAssigned(romashka));
        reads.getLast().complete(new AssignedCallbacks(List.of()));
        assertThat(vm.rows()).as("the read was asked before the number was given").containsExactly(romashka);
    }

    @Test
    void callBackRingsTheOperatorsPhone() {
        vm.callBack(volga);
        assertThat(dialled).containsExactly("+79271390907");
        assertThat(vm.callBackProperty().get()).isEqualTo(new CallBackStatus("+79271390907",
                CallBackStatus.Stage.PHONE_RINGING));
    }
}
