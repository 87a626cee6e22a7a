package dev.zvonok.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zvonok.model.api.CallListItem;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.stats.CallbackItem;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The Statistics window of the whole app against the whole server: recorded calls play through the PBX, the
 * supervisor opens the window from the board, reads the day's figures, follows one to its calls and a call to its
 * details, and calls back the number nobody reached, which leaves the list when it is reached.
 */
class StatisticsFlowsTest extends EndToEndTest {

    static final String NO_ANSWER = "02-inbound-no-answer";
    static final String DEALER = "+79271390907";

    @Test
    void theDaysFiguresDrillDownToTheirCallsAndACallToItsDetails() throws Exception {
        RunningApp app = launchAndLogIn("supervisor", SupervisorBoardFlowsTest.SUPERVISOR);
        Stage stats = anAnsweredAndAMissedCallInTheStatistics(app);
        // 2 inbound: 1 answered, 1 missed; the missed one's number was not reached since
        assertThat(app.text(stats, "#kpi-answered")).isEqualTo("1");
        assertThat(app.text(stats, "#kpi-missed")).isEqualTo("1");
        assertThat(app.text(stats, "#kpi-abandoned")).isEqualTo("0");
        assertThat(app.text(stats, "#kpi-acceptanceRate")).isEqualTo("50%");
        assertThat(app.text(stats, "#kpi-callbacksPending")).isEqualTo("1");
        assertThat(operatorNames(stats)).contains("Пётр Петров");

        robot.clickOn(app.node(stats, "#tile-answered").orElseThrow());
        await().atMost(RunningApp.PATIENCE).until(() -> journal(stats).size() == 1);
        CallListItem answered = journal(stats).getFirst();
        assertThat(answered.answeredByName()).isEqualTo("Пётр Петров");
        assertThat(answered.queue()).isEqualTo("support");
        assertThat(selectedTab(stats)).isEqualTo("stats-tab-calls");
        assertThat(app.text(stats, "#journal-count")).isEqualTo("1 of 1 calls");

        robot.doubleClickOn(journalRow(stats, 0));
        Stage details = await().atMost(RunningApp.PATIENCE).until(StatisticsFlowsTest::detailsWindow,
                Optional::isPresent).orElseThrow();
        // the server's details of that call: who it rang, the operators' parts
        await().atMost(RunningApp.PATIENCE).until(() -> RunningApp.onFx(() ->
                details.getScene().lookup("#details-caller") instanceof javafx.scene.control.Labeled caller
                        && caller.getText().startsWith("Автодом Волга")
                        && details.getScene().getRoot().lookupAll(".label").stream().anyMatch(label ->
                        ((javafx.scene.control.Labeled) label).getText() != null
                                && ((javafx.scene.control.Labeled) label).getText().startsWith("Пётр Петров"))));
        robot.interact(details::close);

        // the missed tile and a name the server searches for
        robot.interact(stats::toFront);
        robot.clickOn(tab(stats, "stats-tab-overview"));
        robot.clickOn(app.node(stats, "#tile-missed").orElseThrow());
        await().atMost(RunningApp.PATIENCE).until(() -> journal(stats).size() == 1
                && journal(stats).getFirst().answeredByName() == null);
        robot.clickOn(app.node(stats, "#journal-name").orElseThrow()).write("Петров").type(javafx.scene.input.KeyCode.ENTER);
        await().atMost(RunningApp.PATIENCE).until(() -> journal(stats).isEmpty()
                && "0 of 0 calls".equals(app.text(stats, "#journal-count")));
    }

    @Test
    void aBarOfTheCallsChartAndAnOperatorsBarListTheirCalls() throws Exception {
        RunningApp app = launchAndLogIn("supervisor", SupervisorBoardFlowsTest.SUPERVISOR);
        Stage stats = anAnsweredAndAMissedCallInTheStatistics(app);

        // today by the hour: the answered segment of the hour the answered call started in
        robot.clickOn(bar(robot, stats, "#stats-chart-calls", 0, data -> data.getYValue().longValue() == 1));
        await().atMost(RunningApp.PATIENCE).until(() -> journal(stats).size() == 1);
        assertThat(journal(stats).getFirst().disposition()).isEqualTo(CallDisposition.ANSWERED);
        assertThat(journal(stats).getFirst().answeredByName()).isEqualTo("Пётр Петров");
        assertThat(selectedTab(stats)).isEqualTo("stats-tab-calls");
        assertThat(app.text(stats, "#journal-what")).as("the hour, not the day").startsWith("Answered · Inbound · ")
                .contains(":00");
        assertThat(app.text(stats, "#journal-count")).isEqualTo("1 of 1 calls");

        // the missed segment
        robot.clickOn(tab(stats, "stats-tab-overview"));
        robot.clickOn(bar(robot, stats, "#stats-chart-calls", 1, data -> data.getYValue().longValue() == 1));
        await().atMost(RunningApp.PATIENCE).until(() -> journal(stats).size() == 1
                && journal(stats).getFirst().disposition() == CallDisposition.MISSED);
        assertThat(app.text(stats, "#journal-what")).startsWith("Missed · Inbound · ");

        // Petrov's answered bar: the one call he answered
        robot.clickOn(tab(stats, "stats-tab-overview"));
        robot.clickOn(bar(robot, stats, "#stats-chart-operators-answered", 0,
                data -> "Пётр Петров".equals(data.getXValue())));
        await().atMost(RunningApp.PATIENCE).until(() -> journal(stats).size() == 1
                && journal(stats).getFirst().disposition() == CallDisposition.ANSWERED);
        assertThat(journal(stats).getFirst().answeredByName()).isEqualTo("Пётр Петров");
        assertThat(app.text(stats, "#journal-count")).isEqualTo("1 of 1 calls");
        assertThat(app.text(stats, "#journal-what")).startsWith("All calls · answered by Пётр Петров · ");
    }

    @Test
    void aNumberToCallBackIsCalledFromTheSupervisorsPhoneAndLeavesTheListWhenReached() throws Exception {
        RunningApp app = launchAndLogIn("supervisor", SupervisorBoardFlowsTest.SUPERVISOR);
        server.play(NO_ANSWER, 1);
        server.awaitEndedCalls(1);

        Stage stats = openStatistics(robot, app);
        await().atMost(RunningApp.PATIENCE).until(() -> "1".equals(app.text(stats, "#kpi-callbacksPending")));
        robot.clickOn(app.node(stats, "#tile-callbacksPending").orElseThrow());
        await().atMost(RunningApp.PATIENCE).until(() -> callbacks(stats).size() == 1);
        CallbackItem volga = callbacks(stats).getFirst();
        assertThat(volga.number()).isEqualTo(DEALER);
        assertThat(volga.attempts()).isOne();
        assertThat(app.text(stats, "#callbacks-count")).isEqualTo("1 number to call back");
        assertThat(app.text(stats, "#callbacks-figure")).as("the tile's question, today's, not the list's week")
                .startsWith("As the statistics count them: ");

        robot.clickOn(callBackButton(stats));
        await().atMost(RunningApp.PATIENCE).until(() -> app.text(stats, "#callbacks-status")
                .startsWith("Your phone rings: pick it up to call"));

        // the dealer gets through to 777: reached, the list empties by itself (the board's counters moved)
        server.play(EndToEndServer.DIRECT_CALL, 1);
        await().atMost(RunningApp.PATIENCE).until(() -> callbacks(stats).isEmpty());
        assertThat(app.text(stats, "#callbacks-count")).isEqualTo("Nobody to call back");
    }

    @Test
    void anOperatorsMyDayCountsTheirCallsAsTheyEnd() throws Exception {
        RunningApp app = launchAndLogIn("ivanov", "Иван Иванов");
        await().atMost(RunningApp.PATIENCE).until(() -> "0".equals(app.text(app.window(), "#my-day-calls")));
        assertThat(app.text(app.window(), "#my-day-acceptance")).as("no call: no rate made up").isEqualTo("—");

        server.play(EndToEndServer.DIRECT_CALL, 1); // 777 answers
        await().atMost(RunningApp.PATIENCE).until(() -> "1".equals(app.text(app.window(), "#my-day-accepted")));
        assertThat(app.text(app.window(), "#my-day-calls")).isEqualTo("1");

        server.play(NO_ANSWER, 1); // 777 rings, nobody answers
        await().atMost(RunningApp.PATIENCE).until(() -> "1".equals(app.text(app.window(), "#my-day-missed")));
        assertThat(app.text(app.window(), "#my-day-calls")).isEqualTo("2");
        assertThat(app.text(app.window(), "#my-day-acceptance")).isEqualTo("50%");
    }

    /** The dealer answered by Petrov in "support", then nobody answering him: the window open on their figures. */
    private Stage anAnsweredAndAMissedCallInTheStatistics(RunningApp app) throws Exception {
        server.play(SupervisorBoardFlowsTest.QUEUE_CALL, 1);
        server.play(NO_ANSWER, 1);
        server.awaitEndedCalls(2);
        Stage stats = openStatistics(robot, app);
        await().atMost(RunningApp.PATIENCE).until(() -> "2".equals(app.text(stats, "#kpi-inbound")));
        return stats;
    }

    // ------------------------------------------------------------------------------------------ reading the window

    /**
     * Opens the Statistics window from the board, in front, as large as its tables want but within the screen: the
     * robot's pointer cannot reach past the screen's edge (the headless screen is 1280×800), so a button beyond it
     * would be clicked in vain.
     */
    static Stage openStatistics(FxRobot robot, RunningApp app) {
        robot.interact(() -> app.window().toFront());
        robot.clickOn(app.node(app.window(), "#board-statistics").orElseThrow());
        Stage stats = await().atMost(RunningApp.PATIENCE).until(StatisticsFlowsTest::statisticsWindow,
                Optional::isPresent).orElseThrow();
        robot.interact(() -> {
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            stats.setX(screen.getMinX());
            stats.setY(screen.getMinY());
            stats.setWidth(Math.min(1300, screen.getWidth()));
            stats.setHeight(Math.min(860, screen.getHeight()));
            stats.toFront();
        });
        return stats;
    }

    /**
     * The node of a chart's bar (or point), scrolled into view: the first of the series' data that {@code which}
     * picks (charts draw their nodes once the data is shown).
     */
    @SuppressWarnings("unchecked")
    static Node bar(FxRobot robot, Stage stats, String chart, int series,
                    Predicate<XYChart.Data<String, Number>> which) {
        Node node = await().atMost(RunningApp.PATIENCE).until(() -> RunningApp.onFx(() ->
                ((XYChart<String, Number>) stats.getScene().lookup(chart)).getData().get(series).getData().stream()
                        .filter(which).map(XYChart.Data::getNode).filter(n -> n != null).findFirst()),
                Optional::isPresent).orElseThrow();
        robot.interact(() -> {
            ScrollPane scroll = (ScrollPane) stats.getScene().lookup("#stats-scroll");
            Node content = scroll.getContent();
            Bounds at = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
            double hidden = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            if (hidden > 0) {
                scroll.setVvalue(Math.max(0, Math.min(1, (at.getMinY() - 40) / hidden)));
            }
        });
        return node;
    }

    static Optional<Stage> statisticsWindow() {
        return RunningApp.onFx(() -> Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && s.isShowing() && s.getScene().lookup("#stats-tabs") != null)
                .map(Stage.class::cast).findFirst());
    }

    static Optional<Stage> detailsWindow() {
        return RunningApp.onFx(() -> Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && s.isShowing()
                        && s.getScene().getRoot().getStyleClass().contains("call-details"))
                .map(Stage.class::cast).findFirst());
    }

    static String selectedTab(Stage stats) {
        return RunningApp.onFx(() -> ((TabPane) stats.getScene().lookup("#stats-tabs")).getSelectionModel()
                .getSelectedItem().getId());
    }

    static Node tab(Stage stats, String id) {
        return RunningApp.onFx(() -> stats.getScene().getRoot().lookupAll(".tab").stream()
                .filter(node -> id.equals(node.getId())).findFirst().orElseThrow());
    }

    @SuppressWarnings("unchecked")
    static List<CallListItem> journal(Stage stats) {
        return RunningApp.onFx(() -> List.copyOf(((TableView<CallListItem>) stats.getScene()
                .lookup("#journal-calls")).getItems()));
    }

    static Node journalRow(Stage stats, int index) {
        return RunningApp.onFx(() -> stats.getScene().lookup("#journal-calls").lookupAll(".table-row-cell").stream()
                .filter(node -> node instanceof TableRow<?> row && row.getIndex() == index && !row.isEmpty())
                .findFirst().orElseThrow());
    }

    @SuppressWarnings("unchecked")
    static List<CallbackItem> callbacks(Stage stats) {
        return RunningApp.onFx(() -> List.copyOf(((TableView<CallbackItem>) stats.getScene()
                .lookup("#callbacks-table")).getItems()));
    }

    static Node callBackButton(Stage stats) {
        return RunningApp.onFx(() -> stats.getScene().lookup("#callbacks-table").lookupAll(".button").stream()
                .filter(node -> node instanceof Button button && ("callbacks-call-" + DEALER).equals(button.getId()))
                .findFirst().orElseThrow());
    }

    @SuppressWarnings("unchecked")
    static List<String> operatorNames(Stage stats) {
        return RunningApp.onFx(() -> ((TableView<dev.zvonok.model.stats.OperatorFigures>) stats.getScene()
                .lookup("#stats-operators-table")).getItems().stream()
                .map(dev.zvonok.model.stats.OperatorFigures::name).toList());
    }
}
