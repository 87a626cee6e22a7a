package dev.zvonok.app.board;

import static dev.zvonok.app.board.Boards.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.app.live.ConnectionState;
import dev.zvonok.app.settings.Languages;
import dev.zvonok.app.settings.Settings.Theme;
import dev.zvonok.app.settings.Themes;
import dev.zvonok.app.testing.MutableClock;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The board's keyboard focus when its window opens: the operators' table, never the search field, whose blinking caret
 * would keep JavaFX pulsing sixty times a second on an idle board. The stage is the one TestFX keeps from test to test
 * and from class to class; here it first shows another scene with a focused field, as an earlier test leaves it, since
 * that order is what made an earlier version of this focus fail in the full suite.
 */
@ExtendWith(ApplicationExtension.class)
class SupervisorViewFocusFxTest {

    private final MutableClock clock = new MutableClock(T0, Boards.ZONE);
    private BoardViewModel board;

    @Start
    void start(Stage stage) {
        Themes.apply(Theme.LIGHT);
        TextField earlier = new TextField("an earlier window's field");
        stage.setScene(new Scene(new VBox(earlier), 400, 200));
        stage.show();
        earlier.requestFocus();

        board = new BoardViewModel(new BoardViewModelTest.RecordingSubscription(), clock,
                BoardThresholds.defaults(), number -> number);
        SupervisorView view = new SupervisorView(board, new SimpleObjectProperty<>(Languages.ENGLISH));
        stage.setScene(new Scene(view.root(), 1280, 700));
        board.connectionChanged(new ConnectionState.Connected());
        board.start();
        board.accept(Boards.demoSnapshot());
        board.tick();
    }

    @Test
    void theTableHasTheKeyboardAndTheSearchCaretDoesNotBlink(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents(); // the pulses after the scene came: the scene's own first focus included
        TableView<BoardLine> table = robot.lookup("#board-operators").queryTableView();
        TextField search = robot.lookup("#board-search").queryAs(TextField.class);

        assertThat(table.getScene().getFocusOwner()).as("the table has the keyboard").isSameAs(table);
        assertThat(search.isFocused()).as("no caret blinks in the search field").isFalse();
        assertThat(search.isFocusTraversable()).as("never the scene's first focus").isFalse();
    }

    @Test
    void aNewWindowGivesTheTableTheKeyboardToo(FxRobot robot) throws Exception {
        Stage other = WaitForAsyncUtils.asyncFx(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(new SupervisorView(board, new SimpleObjectProperty<>(Languages.ENGLISH)).root(),
                    1000, 600));
            stage.show();
            return stage;
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        Scene scene = other.getScene();
        try {
            assertThat(scene.getFocusOwner()).isSameAs(scene.lookup("#board-operators"));
            assertThat(scene.lookup("#board-search").isFocused()).isFalse();
        } finally {
            robot.interact(other::close);
        }
    }

    @Test
    void ctrlFAndAClickStillReachTheSearch(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        TextField search = robot.lookup("#board-search").queryAs(TextField.class);
        TableView<BoardLine> table = robot.lookup("#board-operators").queryTableView();
        robot.interact(() -> board.searchProperty().set("ромашка"));

        robot.press(KeyCode.CONTROL).press(KeyCode.F).release(KeyCode.F).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(search.isFocused()).as("Ctrl+F").isTrue();
        assertThat(search.getSelectedText()).as("the last search selected, to be typed over").isEqualTo("ромашка");

        robot.clickOn(table);
        assertThat(search.isFocused()).isFalse();
        robot.clickOn(search);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(search.isFocused()).as("a click").isTrue();
    }
}
