package dev.zvonok.app.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.app.testing.MutableClock;
import dev.zvonok.model.board.BoardOperator;
import dev.zvonok.model.board.BoardSnapshot;
import dev.zvonok.model.board.OperatorState;
import dev.zvonok.model.stats.CallbackAssignment;
import dev.zvonok.model.stats.CallbackItem;
import dev.zvonok.model.stats.StatsCallbacks;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** "Give to…" of the call-back list, in its view-model: whom to, what the server is asked, what is said after. */
class CallbackAssignmentViewModelTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private final FakeStats server = new FakeStats();
    private final CallbacksViewModel vm = new CallbacksViewModel(server,
            number -> CompletableFuture.completedFuture(null), Runnable::run,
            new MutableClock(NOW, ZoneId.of("Europe/Moscow")));
    private final CallbackItem volga = new CallbackItem("+79271390907", "Автодом Волга", NOW.minusSeconds(7200),
            NOW.minusSeconds(600), 35, 2, 41);
    private final Choice petrov = new Choice(8, "Пётр Петров");

    @Test
    void theOperatorsToGiveToAreTheBoardsByNameAskedOnce() {
        vm.refresh();
        server.<BoardSnapshot>last("choices").answer().complete(new BoardSnapshot(1, NOW, NOW, List.of(
                new BoardOperator(8, "Пётр Петров", List.of("888"), List.of("Альфа"), OperatorState.AVAILABLE, NOW,
                        null, List.of(), 0),
                new BoardOperator(7, "Иван Иванов", List.of("777"), List.of("Альфа"), OperatorState.AVAILABLE, NOW,
                        null, List.of(), 0)), List.of(), null));
        vm.refresh();

        assertThat(vm.assignees()).containsExactly(new Choice(7, "Иван Иванов"), petrov);
        assertThat(server.queries("choices")).hasSize(1);
    }

    @Test
    void givingANumberAsksTheServerWithItsLastCallThenSaysSoAndReadsTheListAgain() {
        vm.assign(volga, petrov);

        assertThat(server.last("assign").query()).isEqualTo(List.of(41L, 8L));
        assertThat(server.queries("callbacks")).as("not before the server took it").isEmpty();
        server.<CallbackAssignment>last("assign").answer().complete(new CallbackAssignment(41, "+79271390907", 8,
                "Пётр Петров", 3L, "Анна Смирнова", NOW));

        assertThat(vm.assignmentProperty().get()).isEqualTo(new AssignmentStatus("+79271390907",
                AssignmentStatus.Stage.DONE, "Пётр Петров", null));
        assertThat(server.queries("callbacks")).hasSize(1);
        CallbackItem given = volga.assignedTo(new CallbackAssignment(41, "+79271390907", 8, "Пётр Петров", 3L,
                "Анна Смирнова", NOW));
        server.<StatsCallbacks>last("callbacks").answer().complete(new StatsCallbacks(null, 1, 1, 200,
                List.of(given)));
        assertThat(vm.rows()).singleElement().satisfies(row -> {
            assertThat(row.assignedToName()).isEqualTo("Пётр Петров");
            assertThat(row.assignedByName()).isEqualTo("Анна Смирнова");
        });
    }

    @Test
    void aRefusalIsSaidWithTheServersReason() {
        vm.assign(volga, petrov);
        server.<CallbackAssignment>last("assign").answer().completeExceptionally(
                new IllegalStateException("403 forbidden: user 8 is not in your teams"));

        assertThat(vm.assignmentProperty().get()).isEqualTo(new AssignmentStatus("+79271390907",
                AssignmentStatus.Stage.FAILED, "Пётр Петров", "403 forbidden: user 8 is not in your teams"));
    }

    @Test
    void takingANumberBackAsksTheServerAndReadsTheListAgain() {
        vm.withdraw(volga);
        assertThat(server.last("withdraw").query()).isEqualTo(41L);
        server.<Void>last("withdraw").answer().complete(null);

        assertThat(vm.assignmentProperty().get().stage()).isEqualTo(AssignmentStatus.Stage.WITHDRAWN);
        assertThat(server.queries("callbacks")).hasSize(1);
    }
}
