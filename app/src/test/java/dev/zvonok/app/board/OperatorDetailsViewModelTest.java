package dev.zvonok.app.board;

import static dev.zvonok.app.board.Boards.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.app.history.HistoryQuery;
import dev.zvonok.app.live.ConnectionState;
import dev.zvonok.app.testing.MutableClock;
import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.api.CallListItem;
import dev.zvonok.model.api.CallPage;
import dev.zvonok.model.api.Pagination;
import dev.zvonok.model.board.BoardCallState;
import dev.zvonok.model.board.BoardChange;
import dev.zvonok.model.board.OperatorState;
import dev.zvonok.model.directory.CallerView;
import dev.zvonok.model.ws.ServerMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The operator clicked on the board: the board's choice kept across passes, today's calls asked for and shown. */
class OperatorDetailsViewModelTest {

    private final MutableClock clock = new MutableClock(T0, Boards.ZONE);
    private final List<HistoryQuery> asked = new ArrayList<>();
    private final List<CompletableFuture<CallPage>> answers = new ArrayList<>();
    private final BoardViewModel board = new BoardViewModel(new BoardViewModelTest.RecordingSubscription(), clock,
            BoardThresholds.defaults(), number -> "display " + number);
    private final OperatorDetailsViewModel details = new OperatorDetailsViewModel(board, query -> {
        asked.add(query);
        CompletableFuture<CallPage> answer = new CompletableFuture<>();
        answers.add(answer);
        return answer;
    }, Runnable::run, clock, number -> "display " + number);

    @Test
    void asksForTheChosenOperatorsCallsOfTodayAndShowsTheirNotesOnTheCurrentCall() {
        showTheBoard();
        assertThat(details.operatorProperty().get()).isNull();

        board.selectedUserIdProperty().set(1L);
        assertThat(details.operatorProperty().get().name()).isEqualTo("Анна Смирнова");
        assertThat(asked).singleElement().satisfies(query -> {
            assertThat(query.operatorId()).isEqualTo(1L);
            // the server's business day (its zone and boundary: midnight UTC here), not Moscow's calendar day
            assertThat(query.dateFrom()).isEqualTo(OffsetDateTime.parse("2026-03-02T03:00+03:00"));
            assertThat(query.dateTo()).as("up to now").isNull();
        });
        assertThat(details.loadingProperty().get()).isTrue();
        answers.getFirst().complete(page(item("c-1", "Хотят 20 коробок"), item("old", null)));
        assertThat(details.loadingProperty().get()).isFalse();
        assertThat(details.today()).extracting(CallListItem::id).containsExactly("c-1", "old");
        assertThat(details.notesOf(details.operatorProperty().get().calls().getFirst())).contains("Хотят 20 коробок");

        // the passes a second bring the same tile: nothing is asked again
        clock.advance(Duration.ofSeconds(1));
        board.tick();
        clock.advance(Duration.ofSeconds(1));
        board.tick();
        assertThat(asked).hasSize(1);

        // her call ends: the list is read again, the tile follows
        board.accept(Boards.change(42, 43, List.of(Boards.operator(1, "Анна Смирнова", "701", "Продажи",
                OperatorState.WRAPUP, T0, Boards.call("c-1", "+74951234567", "ООО «Ромашка»", "Основная линия",
                        BoardCallState.WRAPUP, T0))), List.of()));
        clock.advance(Duration.ofSeconds(1));
        board.tick();
        assertThat(details.operatorProperty().get().state()).isEqualTo(OperatorState.WRAPUP);
        assertThat(asked).hasSize(2);
    }

    @Test
    void aNewBusinessDayOnTheBoardAsksForTheNewDaysCalls() {
        showTheBoard();
        board.selectedUserIdProperty().set(1L);
        Instant nextDay = Boards.T0.plusSeconds(15 * 3600); // 2026-03-03T00:00Z, 03:00 in Moscow
        board.accept(Boards.wire(new ServerMessage.BoardChanged(new BoardChange(42, 43, nextDay, null, null, null,
                null, null, null, null, nextDay))));
        clock.advance(Duration.ofSeconds(1));
        board.tick();

        assertThat(asked).hasSize(2);
        assertThat(asked.getLast().dateFrom()).isEqualTo(OffsetDateTime.parse("2026-03-03T03:00+03:00"));
    }

    @Test
    void anAnswerForAnotherChoiceIsDroppedAndLettingGoClearsThePane() {
        showTheBoard();
        board.selectedUserIdProperty().set(1L);
        board.selectedUserIdProperty().set(6L);
        answers.get(0).complete(page(item("c-1", "Анна's")));
        assertThat(details.today()).as("Анна's calls never show under Егор's name").isEmpty();
        answers.get(1).completeExceptionally(new java.io.IOException("the server does not answer"));
        assertThat(details.problemProperty().get()).isEqualTo("the server does not answer");
        assertThat(details.loadingProperty().get()).isFalse();

        board.selectedUserIdProperty().set(null);
        assertThat(details.operatorProperty().get()).isNull();
        assertThat(details.problemProperty().get()).isNull();
    }

    private void showTheBoard() {
        board.connectionChanged(new ConnectionState.Connected());
        board.start();
        board.accept(Boards.demoSnapshot());
        board.tick();
    }

    private static CallPage page(CallListItem... items) {
        return new CallPage(List.of(items), new Pagination(1, 100, items.length, 1));
    }

    private static CallListItem item(String id, String notes) {
        return new CallListItem(id, CallDirection.INBOUND, "+74951234567", CallerView.UNKNOWN, "701", null, null,
                null, null, T0, null, null, null, null, null, null, notes);
    }
}
