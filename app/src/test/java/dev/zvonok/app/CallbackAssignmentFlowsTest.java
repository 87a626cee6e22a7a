package dev.zvonok.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zvonok.app.stats.Choice;
import dev.zvonok.model.api.CallListItem;
import dev.zvonok.model.board.BoardOperator;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.stats.AssignedCallback;
import dev.zvonok.model.stats.CallbackItem;
import dev.zvonok.model.stats.LineFigures;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.control.SearchableComboBox;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The lines table and "Give to…" of the Statistics window, and the operator's "Given to you to call back", of the whole
 * app against the whole server: recorded calls play through the PBX; the numbers given travel through PostgreSQL and
 * the WebSocket.
 */
class CallbackAssignmentFlowsTest extends EndToEndTest {

    static final String DEALER = StatisticsFlowsTest.DEALER;

    @Test
    void aSupervisorReadsTheLinesAndGivesTheNumberNobodyReachedToAnOperator() throws Exception {
        RunningApp app = launchAndLogIn("supervisor", SupervisorBoardFlowsTest.SUPERVISOR);
        server.play(StatisticsFlowsTest.NO_ANSWER, 1); // the dealer calls, 777 rings, nobody answers
        server.awaitEndedCalls(1);

        Stage stats = StatisticsFlowsTest.openStatistics(robot, app);
        await().atMost(RunningApp.PATIENCE).until(() -> lines(stats).size() == 1);
        LineFigures line = lines(stats).getFirst();
        assertThat(line.total()).isOne();
        assertThat(line.missed()).isOne();
        assertThat(line.answered()).isZero();
        // below the charts and the operators: scrolled to, as the supervisor does
        robot.interact(() -> ((ScrollPane) stats.getScene().lookup("#stats-scroll")).setVvalue(1));
        WaitForAsyncUtils.waitForFxEvents();
        robot.doubleClickOn(row(stats, "#stats-lines-table", 0));
        await().atMost(RunningApp.PATIENCE).until(() -> journal(stats).size() == 1);
        CallListItem missed = journal(stats).getFirst();
        assertThat(missed.disposition()).isEqualTo(CallDisposition.MISSED);
        assertThat(missed.direction()).isEqualTo(CallDirection.INBOUND);
        assertThat(StatisticsFlowsTest.selectedTab(stats)).isEqualTo("stats-tab-calls");

        robot.clickOn(StatisticsFlowsTest.tab(stats, "stats-tab-callbacks"));
        await().atMost(RunningApp.PATIENCE).until(() -> StatisticsFlowsTest.callbacks(stats).size() == 1);
        robot.clickOn(button(stats, "callbacks-give-" + DEALER));
        Window picker = await().atMost(RunningApp.PATIENCE).until(CallbackAssignmentFlowsTest::picker,
                Optional::isPresent).orElseThrow();
        @SuppressWarnings("unchecked")
        SearchableComboBox<Choice> operators = (SearchableComboBox<Choice>) RunningApp.onFx(() ->
                picker.getScene().lookup("#callbacks-assignee"));
        await().atMost(RunningApp.PATIENCE).until(() -> RunningApp.onFx(() -> operators.getItems().stream()
                .anyMatch(c -> c.name().equals("Пётр Петров"))));
        robot.interact(() -> operators.setValue(operators.getItems().stream()
                .filter(c -> c.name().equals("Пётр Петров")).findFirst().orElseThrow()));
        robot.clickOn(RunningApp.onFx(() -> picker.getScene().lookup("#callbacks-assign-ok")));

        await().atMost(RunningApp.PATIENCE).until(() -> "Пётр Петров".equals(
                StatisticsFlowsTest.callbacks(stats).getFirst().assignedToName()));
        CallbackItem given = StatisticsFlowsTest.callbacks(stats).getFirst();
        assertThat(given.assignedByName()).isEqualTo(SupervisorBoardFlowsTest.SUPERVISOR);
        assertThat(app.text(stats, "#callbacks-assignment")).startsWith("Given to Пётр Петров:");
        assertThat(server.assignedTo("petrov").callbacks()).extracting(AssignedCallback::callId)
                .containsExactly(given.lastCallId());

        robot.clickOn(button(stats, "callbacks-give-" + DEALER));
        Window again = await().atMost(RunningApp.PATIENCE).until(CallbackAssignmentFlowsTest::picker,
                Optional::isPresent).orElseThrow();
        robot.clickOn(RunningApp.onFx(() -> again.getScene().lookup("#callbacks-assign-nobody")));
        await().atMost(RunningApp.PATIENCE).until(() ->
                StatisticsFlowsTest.callbacks(stats).getFirst().assignedToName() == null);
        assertThat(server.assignedTo("petrov").callbacks()).isEmpty();
    }

    @Test
    void anOperatorIsToldOfANumberGivenAndItLeavesTheirListOnceReached() throws Exception {
        RunningApp app = launchAndLogIn("petrov", "Пётр Петров");
        robot.press(KeyCode.CONTROL, KeyCode.M).release(KeyCode.M, KeyCode.CONTROL);
        server.play(StatisticsFlowsTest.NO_ANSWER, 1); // rang 777, Иванов's phone
        server.awaitEndedCalls(1);
        long callId = server.callbacks("supervisor").items().getFirst().lastCallId();
        long petrov = server.board("supervisor").operators().stream()
                .filter(o -> o.name().equals("Пётр Петров")).mapToLong(BoardOperator::userId).findFirst()
                .orElseThrow();

        server.assign("supervisor", callId, petrov);

        await().atMost(RunningApp.PATIENCE).until(() -> toCallBack(app.window()).size() == 1);
        assertThat(toCallBack(app.window()).getFirst().number()).isEqualTo(DEALER);
        assertThat(app.text(app.window(), "#to-call-back-given"))
                .startsWith("New to call back: Автодом Волга").endsWith("given by " + SupervisorBoardFlowsTest.SUPERVISOR);
        assertThat(app.text(app.window(), "#main-to-call-back-badge")).isEqualTo("1");
        assertThat(app.text(app.window(), "#to-call-back-title")).isEqualTo("Given to you to call back (1)");

        // the dealer gets through to 777: reached, so the number leaves Петров's list by itself
        server.play(EndToEndServer.DIRECT_CALL, 1);
        await().atMost(RunningApp.PATIENCE).until(() -> toCallBack(app.window()).isEmpty());
        assertThat(RunningApp.onFx(() -> app.window().getScene().lookup("#to-call-back").isVisible())).isFalse();
        assertThat(server.assignedTo("petrov").callbacks()).isEmpty();
    }

    // ------------------------------------------------------------------------------------------ reading the windows

    static Optional<Window> picker() {
        return RunningApp.onFx(() -> Window.getWindows().stream()
                .filter(w -> w.isShowing() && w.getScene() != null
                        && w.getScene().lookup("#callbacks-picker") != null)
                .findFirst());
    }

    @SuppressWarnings("unchecked")
    static List<LineFigures> lines(Stage stats) {
        return RunningApp.onFx(() -> List.copyOf(((TableView<LineFigures>) stats.getScene()
                .lookup("#stats-lines-table")).getItems()));
    }

    @SuppressWarnings("unchecked")
    static List<CallListItem> journal(Stage stats) {
        return StatisticsFlowsTest.journal(stats);
    }

    @SuppressWarnings("unchecked")
    static List<AssignedCallback> toCallBack(Stage window) {
        return RunningApp.onFx(() -> List.copyOf(((ListView<AssignedCallback>) window.getScene()
                .lookup("#to-call-back-list")).getItems()));
    }

    static Node row(Stage stage, String table, int index) {
        return RunningApp.onFx(() -> stage.getScene().lookup(table).lookupAll(".table-row-cell").stream()
                .filter(node -> node instanceof TableRow<?> row && row.getIndex() == index && !row.isEmpty())
                .findFirst().orElseThrow());
    }

    static Node button(Stage stage, String id) {
        return RunningApp.onFx(() -> stage.getScene().getRoot().lookupAll(".button").stream()
                .filter(node -> node instanceof Button b && id.equals(b.getId())).findFirst().orElseThrow());
    }
}
