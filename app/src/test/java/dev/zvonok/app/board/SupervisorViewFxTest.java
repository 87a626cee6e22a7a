package dev.zvonok.app.board;

import static dev.zvonok.app.board.Boards.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.app.live.ConnectionState;
import dev.zvonok.app.settings.Languages;
import dev.zvonok.app.settings.Settings.Theme;
import dev.zvonok.app.settings.Themes;
import dev.zvonok.app.testing.MutableClock;
import dev.zvonok.model.board.BoardChange;
import dev.zvonok.model.board.BoardSnapshot;
import dev.zvonok.model.board.OperatorState;
import dev.zvonok.model.stats.StatisticsState;
import dev.zvonok.model.ws.ServerMessage;
import java.time.Duration;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.text.Text;
import javafx.scene.control.TableView;
import javafx.stage.Popup;
import javafx.scene.control.Tooltip;
import dev.zvonok.model.board.WaitingCaller;
import dev.zvonok.model.directory.CallerKind;
import dev.zvonok.model.directory.CallerView;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Supervisor view, fed with the server's frames through its view-model, as a supervisor sees and uses it. */
@ExtendWith(ApplicationExtension.class)
class SupervisorViewFxTest {

    private final MutableClock clock = new MutableClock(T0, Boards.ZONE);
    private final BoardViewModelTest.RecordingSubscription server = new BoardViewModelTest.RecordingSubscription();
    private BoardViewModel board;

    @Start
    void start(Stage stage) {
        Themes.apply(Theme.LIGHT);
        board = new BoardViewModel(server, clock, BoardThresholds.defaults(), number -> number);
        SupervisorView view = new SupervisorView(board, new SimpleObjectProperty<>(Languages.ENGLISH));
        stage.setScene(new Scene(view.root(), 1280, 700));
        stage.show();
    }

    @Test
    void showsTheBoardAndFollowsItsChanges(FxRobot robot) {
        assertThat(robot.lookup("#board-not-current").queryAs(Label.class).isVisible())
                .as("no board yet").isTrue();
        board.connectionChanged(new ConnectionState.Connected());
        board.start();
        board.accept(Boards.demoSnapshot());
        robot.interact(board::tick);

        TableView<BoardLine> table = robot.lookup("#board-operators").queryTableView();
        assertThat(table.getItems()).hasSize(8);
        assertThat(table.getScene().getFocusOwner()).as("the table has the keyboard, no caret blinks in the search")
                .isSameAs(table);
        assertThat(cellTexts(robot, "Анна Смирнова")).contains("Talking", "701", "3:05", "ООО «Ромашка»",
                "Основная линия", "Продажи");
        assertThat(cellTexts(robot, "Дарья Котова")).contains("Break · lunch", "12:20");
        assertThat(text(robot, "#board-counter-answered")).isEqualTo("131");
        assertThat(text(robot, "#board-counter-acceptance")).isEqualTo("89\u00a0%");
        assertThat(text(robot, "#board-counter-asa")).isEqualTo("0:14");
        assertThat(text(robot, "#board-count")).isEqualTo("8 of 8 operators");
        assertThat(robot.lookup("#board-not-current").queryAs(Label.class).isVisible()).isFalse();
        assertThat(robot.lookup("#board-queues .board-queue-name").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("Продажи", "Сервис", "VIP");
        assertThat(robot.lookup("3 waiting, longest 1:15 · 1 of 3 members free").tryQuery()).isPresent();
        assertThat(board.alerts()).as("alerts in the vm").isNotEmpty();
        assertThat(robot.lookup(".board-alert").tryQuery()).as("a caller waits 75 s, past the 60 s alert")
                .isPresent();

        assertThat(robot.listWindows()).as("the alert pops up, in a popup that takes no focus")
                .anyMatch(window -> window instanceof Popup && window.isShowing());

        // the search narrows the table at once
        robot.clickOn("#board-search").write("ромашка");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).singleElement().extracting(line -> ((OperatorRow) line).name())
                .isEqualTo("Анна Смирнова");
        robot.interact(() -> board.searchProperty().set(""));

        // a delta is on screen at the next pass, not before
        board.accept(Boards.change(42, 43, List.of(Boards.operator(3, "Вера Петрова", "703", "Продажи",
                OperatorState.BREAK, T0)), List.of(8L)));
        clock.advance(Duration.ofMillis(400));
        robot.interact(board::tick);
        assertThat(table.getItems()).hasSize(8);
        clock.advance(Duration.ofMillis(600));
        robot.interact(board::tick);
        assertThat(table.getItems()).hasSize(7);
        assertThat(cellTexts(robot, "Вера Петрова")).contains("Break · lunch");

        robot.clickOn("#board-group");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems().getFirst()).isEqualTo(new TeamHeading("Продажи", 3, 0));
        assertThat(robot.lookup("3 · 0 available").tryQuery()).isPresent();
    }

    @Test
    void aWaitingCallersLongNameIsCutWithAnEllipsisAndWholeInTheTooltip(FxRobot robot) throws Exception {
        String company = "Общество с ограниченной ответственностью «Торговый дом Ромашка и партнёры»";
        board.connectionChanged(new ConnectionState.Connected());
        board.start();
        board.accept(Boards.snapshot(7, List.of(), List.of(Boards.queue("Продажи", List.of(
                new WaitingCaller("w-1", "+74950000001", new CallerView(CallerKind.COMPANY, company, null),
                        T0.minusSeconds(30), 1)), 1, 0)), Boards.counters(1, 0, 0, 0)));
        robot.interact(board::tick);

        Text line = robot.lookup("#board-queues .board-waiting").queryAs(Text.class);
        assertThat(line.getText()).isEqualTo("1. " + BoardFormat.shortened(company, 32) + "  0:30")
                .contains("…").doesNotContain("партнёры");

        robot.moveTo(line);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.listWindows().stream()
                .anyMatch(window -> window instanceof Tooltip tip && tip.isShowing()));
        Tooltip tip = (Tooltip) robot.listWindows().stream().filter(window -> window instanceof Tooltip t
                && t.isShowing()).findFirst().orElseThrow();
        assertThat(tip.getText()).isEqualTo("1. " + company + " · +74950000001");
    }

    @Test
    void theCountersSayWhyTheyAreBlankWhileTheStatisticsAreRecomputed(FxRobot robot) {
        board.connectionChanged(new ConnectionState.Connected());
        board.start();
        board.accept(Boards.wire(new ServerMessage.Board("subscribe-board-1",
                new BoardSnapshot(7, T0, T0, List.of(), List.of(), null, StatisticsState.RECOMPUTING))));
        robot.interact(board::tick);
        Label notice = robot.lookup("#board-recomputing").queryAs(Label.class);
        assertThat(notice.isVisible()).isTrue();
        assertThat(notice.getText()).isEqualTo("Statistics are being recomputed after a settings change; counters "
                + "return when it ends");
        assertThat(text(robot, "#board-counter-answered")).isEqualTo(BoardFormat.NONE);

        board.accept(Boards.wire(new ServerMessage.BoardChanged(new BoardChange(7, 8, T0, List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), Boards.counters(3, 2, 1, 0), null, StatisticsState.READY))));
        clock.advance(Duration.ofSeconds(1));
        robot.interact(board::tick);
        assertThat(notice.isVisible()).isFalse();
        assertThat(text(robot, "#board-counter-answered")).isEqualTo("2");
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** The texts of the cells in the row of the operator named. */
    private static List<String> cellTexts(FxRobot robot, String operator) {
        Node nameCell = robot.lookup(".table-cell").match(node -> node instanceof TableCell<?, ?> cell
                && operator.equals(cell.getText())).query();
        return robot.from(nameCell.getParent()).lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .map(cell -> cell.getText() != null ? cell.getText()
                        : cell.getGraphic() instanceof Text text && text.getText() != null ? text.getText() : "")
                .toList();
    }
}
