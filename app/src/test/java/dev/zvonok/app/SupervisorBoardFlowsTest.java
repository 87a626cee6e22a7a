package dev.zvonok.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zvonok.app.board.BoardLine;
import dev.zvonok.app.board.OperatorRow;
import dev.zvonok.app.board.QueueRow;
import dev.zvonok.app.board.WaitingRow;
import dev.zvonok.model.board.OperatorState;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.text.Text;
import dev.zvonok.model.api.CallListItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

/**
 * The Supervisor board of the whole app against the whole server: the supervisor logs in through the form, a recorded
 * queue call plays through the PBX, operators' apps connect beside it, and the test reads what the board's window
 * shows. Every wait is on the window's state; the recordings wait between their phases for the test.
 */
class SupervisorBoardFlowsTest extends EndToEndTest {

    /** 89271390907 (Автодом Волга) calls the queue "support"; 777 and 888 ring; 888 answers; the caller hangs up. */
    static final String QUEUE_CALL = "05-inbound-queue-answered-by-888";
    static final String SUPERVISOR = "Анна Смирнова";
    static final String PETROV = "Пётр Петров";
    static final String IVANOV = "Иван Иванов";

    @Test
    void anOperatorsRowGoesRingingTalkingWrapUpWhileTheQueueShowsTheCallerAndTheCountersCountTheCall()
            throws Exception {
        RunningApp app = launchAndLogIn("supervisor", SUPERVISOR);
        try (OperatorDesk petrov = OperatorDesk.open(server.address(), dataDir.resolve("petrov"), "petrov")) {
            awaitState(app, PETROV, OperatorState.AVAILABLE);
            assertThat(app.text(app.window(), "#board-counter-answered")).isEqualTo("0");

            TraceSteps call = server.call(QUEUE_CALL).next(); // the caller joins "support"; 777 and 888 ring
            awaitState(app, PETROV, OperatorState.RINGING);
            await().atMost(RunningApp.PATIENCE).until(() -> waiting(app, "support").size() == 1);
            WaitingRow caller = waiting(app, "support").getFirst();
            assertThat(caller.caller()).isEqualTo("Автодом Волга");
            assertThat(caller.position()).isOne();
            await().atMost(RunningApp.PATIENCE).untilAsserted(() -> assertThat(texts(app,
                    "#board-queues .board-waiting")).singleElement().asString().startsWith("1. Автодом Волга"));
            awaitCells(app, PETROV, "Ringing", "888", "Автодом Волга");

            call.next(); // 888 answers
            awaitState(app, PETROV, OperatorState.TALKING);
            await().atMost(RunningApp.PATIENCE).until(() -> waiting(app, "support").isEmpty());
            awaitCells(app, PETROV, "Talking", "Автодом Волга");

            call.rest(); // the caller hangs up: Petrov's card waits for "Finish and close"
            awaitState(app, PETROV, OperatorState.WRAPUP);
            await().atMost(RunningApp.PATIENCE)
                    .until(() -> "1".equals(app.text(app.window(), "#board-counter-answered")));
            assertThat(app.text(app.window(), "#board-counter-calls")).isEqualTo("1");
            assertThat(app.text(app.window(), "#board-counter-missed")).isEqualTo("0");
            assertThat(app.text(app.window(), "#board-counter-acceptance")).isEqualTo("100\u00a0%");
            awaitCells(app, PETROV, "Wrap-up");

            // the supervisor clicks Petrov: his call now, and today's calls as the server lists them
            robot.interact(() -> app.window().toFront());
            robot.clickOn(nameCell(app, PETROV));
            await().atMost(RunningApp.PATIENCE).until(() -> app.node(app.window(), "#board-details")
                    .map(Node::isVisible).orElse(false));
            assertThat(app.text(app.window(), "#board-details-name")).isEqualTo("Пётр Петров · 888 · Wrap-up");
            assertThat(texts(app, "#board-details-current .label")).singleElement().asString()
                    .startsWith("Wrap-up · Автодом Волга").contains(" · +7 927 139-09-07 · support · since ");
            await().atMost(RunningApp.PATIENCE).until(() -> todaysCalls(app).size() == 1);
            assertThat(todaysCalls(app).getFirst()).contains("Answered")
                    .anySatisfy(cell -> assertThat(cell).startsWith("Автодом Волга"));

            // the passes a second replace the rows; the choice stays on Petrov
            java.time.Duration before = row(app, PETROV).orElseThrow().timeInState();
            await().atMost(RunningApp.PATIENCE).until(() -> !row(app, PETROV).orElseThrow().timeInState()
                    .equals(before));
            assertThat(selected(app)).map(OperatorRow::name).contains(PETROV);
            assertThat(app.text(app.window(), "#board-details-name")).startsWith(PETROV);

            robot.clickOn("#board-details-close");
            await().atMost(RunningApp.PATIENCE).until(() -> !app.node(app.window(), "#board-details")
                    .map(Node::isVisible).orElse(false));
            assertThat(selected(app)).isEmpty();
        }
        awaitState(app, PETROV, OperatorState.OFFLINE);
    }

    @Test
    void anOperatorsBreakChosenInTheirMainWindowIsConfirmedThereAndShownOnTheBoard() throws Exception {
        RunningApp app = launchAndLogIn("supervisor", SUPERVISOR);
        try (OperatorDesk ivanov = OperatorDesk.open(server.address(), dataDir.resolve("ivanov"), "ivanov")) {
            await().atMost(RunningApp.PATIENCE).until(() -> "Available".equals(app.text(ivanov.window(),
                    "#main-work-status")));
            awaitState(app, IVANOV, OperatorState.AVAILABLE);

            MenuButton status = (MenuButton) app.node(ivanov.window(), "#main-work-status").orElseThrow();
            robot.interact(() -> ivanov.window().toFront());
            robot.clickOn(status);
            robot.clickOn(menuItem("Break: lunch"));

            await().atMost(RunningApp.PATIENCE).until(() -> app.text(ivanov.window(), "#main-work-status")
                    .startsWith("Break · lunch · "));
            awaitState(app, IVANOV, OperatorState.BREAK);
            awaitCells(app, IVANOV, "Break · lunch");

            robot.clickOn(status);
            robot.clickOn(menuItem("Available"));
            await().atMost(RunningApp.PATIENCE).until(() -> "Available".equals(app.text(ivanov.window(),
                    "#main-work-status")));
            awaitState(app, IVANOV, OperatorState.AVAILABLE);
        }
    }

    /** An item of the menu open now, by its text (the board shows the same words in its cells). */
    Node menuItem(String text) {
        return robot.lookup(node -> node instanceof Labeled labeled && text.equals(labeled.getText())
                && node.getScene() != null && node.getScene().getWindow() instanceof ContextMenu).query();
    }

    // ------------------------------------------------------------------------------------------ reading the board

    static Optional<OperatorRow> selected(RunningApp app) {
        return RunningApp.onFx(() -> Optional.ofNullable(board(app).getSelectionModel().getSelectedItem())
                .filter(OperatorRow.class::isInstance).map(OperatorRow.class::cast));
    }

    /** The rows of the clicked operator's calls of today, each as its cells' texts. */
    @SuppressWarnings("unchecked")
    static List<List<String>> todaysCalls(RunningApp app) {
        return RunningApp.onFx(() -> {
            TableView<CallListItem> table = (TableView<CallListItem>) app.node(app.window(), "#board-details-today")
                    .orElseThrow();
            return table.getItems().stream().map(item -> table.getColumns().stream()
                    .map(column -> String.valueOf(column.getCellData(item))).toList()).toList();
        });
    }

    static void awaitState(RunningApp app, String operator, OperatorState state) {
        await().atMost(RunningApp.PATIENCE).until(() -> row(app, operator).map(OperatorRow::state).orElse(null),
                state::equals);
    }

    /** Waits until the operator's row on screen shows {@code texts}: the cells follow the rows at the next pulse. */
    static void awaitCells(RunningApp app, String operator, String... texts) {
        await().atMost(RunningApp.PATIENCE).untilAsserted(() -> assertThat(cellTexts(app, operator)).contains(texts));
    }

    /** The operator's row in the board's table as it is on screen now. */
    static Optional<OperatorRow> row(RunningApp app, String operator) {
        return RunningApp.onFx(() -> board(app).getItems().stream()
                .filter(line -> line instanceof OperatorRow row && operator.equals(row.name()))
                .map(OperatorRow.class::cast)
                .findFirst());
    }

    @SuppressWarnings("unchecked")
    static TableView<BoardLine> board(RunningApp app) {
        return (TableView<BoardLine>) app.node(app.window(), "#board-operators").orElseThrow();
    }

    static List<WaitingRow> waiting(RunningApp app, String queue) {
        return RunningApp.onFx(() -> app.window().getScene().getRoot().lookupAll("#board-queues .board-queue").stream()
                .map(box -> (QueueRow) box.getUserData()).filter(row -> queue.equals(row.name()))
                .flatMap(row -> row.waiting().stream()).toList());
    }

    /** The texts of the labeled nodes (or texts) matching {@code selector} in the supervisor's window. */
    static List<String> texts(RunningApp app, String selector) {
        return RunningApp.onFx(() -> app.window().getScene().getRoot().lookupAll(selector).stream()
                .filter(Node::isVisible)
                .map(node -> node instanceof Text text ? text.getText() : ((Labeled) node).getText()).toList());
    }

    static Node nameCell(RunningApp app, String operator) {
        return RunningApp.onFx(() -> app.window().getScene().getRoot().lookupAll("#board-operators .table-cell")
                .stream().filter(node -> node instanceof TableCell<?, ?> cell && operator.equals(cell.getText()))
                .findFirst().orElseThrow(() -> new AssertionError(operator + " is not on the board")));
    }

    /** The texts of the cells in the row of the operator named, as the table shows them now. */
    static List<String> cellTexts(RunningApp app, String operator) {
        Node nameCell = nameCell(app, operator);
        return RunningApp.onFx(() -> {
            return nameCell.getParent().lookupAll(".table-cell").stream()
                    .map(cell -> shown((TableCell<?, ?>) cell)).toList();
        });
    }

    /** A cell's text, or the text it draws itself (the time in state is a Text of the cell's own). */
    static String shown(TableCell<?, ?> cell) {
        if (cell.getText() != null) {
            return cell.getText();
        }
        return cell.getGraphic() instanceof Text text && text.getText() != null ? text.getText() : "";
    }
}
