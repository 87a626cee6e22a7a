package dev.zvonok.app.board;

import static dev.zvonok.app.board.Boards.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.app.live.ConnectionState;
import dev.zvonok.app.settings.Languages;
import dev.zvonok.app.settings.Settings.Theme;
import dev.zvonok.app.settings.Themes;
import dev.zvonok.app.testing.MutableClock;
import dev.zvonok.model.board.SpyMode;
import dev.zvonok.model.ws.ServerMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Listen / whisper / barge on the Supervisor view: a click on an operator's row, a button, the answer shown. */
@ExtendWith(ApplicationExtension.class)
class SpyBarFxTest {

    private final MutableClock clock = new MutableClock(T0, Boards.ZONE);
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private BoardViewModel board;

    @Start
    void start(Stage stage) {
        Themes.apply(Theme.LIGHT);
        board = new BoardViewModel(new BoardViewModelTest.RecordingSubscription(), clock, BoardThresholds.defaults(),
                number -> number, (ref, operatorId, mode) -> sent.add(ref + " " + operatorId + " " + mode.wireName()),
                Runnable::run);
        SupervisorView view = new SupervisorView(board, new SimpleObjectProperty<>(Languages.ENGLISH));
        stage.setScene(new Scene(view.root(), 1280, 700));
        stage.show();
    }

    @Test
    void aClickOnATalkingOperatorOffersListeningAndThePassesKeepTheChoice(FxRobot robot) {
        board.connectionChanged(new ConnectionState.Connected());
        board.start();
        board.accept(Boards.demoSnapshot());
        robot.interact(board::tick);
        Button listen = robot.lookup("#board-spy-listen").queryButton();
        assertThat(listen.isDisabled()).as("nobody selected").isTrue();
        assertThat(text(robot)).startsWith("Select an operator on a call");

        robot.clickOn(cell(robot, "Анна Смирнова"));
        WaitForAsyncUtils.waitForFxEvents();
        clock.advance(Duration.ofSeconds(1));
        robot.interact(board::tick); // the rows are made afresh: the choice stays
        clock.advance(Duration.ofSeconds(1));
        robot.interact(board::tick);
        assertThat(listen.isDisabled()).isFalse();

        robot.clickOn("#board-spy-listen");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(sent).singleElement().asString().startsWith("spy-1 ").endsWith(" listen");
        long anna = Long.parseLong(sent.getFirst().split(" ")[1]);
        robot.interact(() -> board.accept(new ServerMessage.SpyAccepted("spy-1", anna, SpyMode.LISTEN)));
        assertThat(text(robot)).isEqualTo(
                "Your phone rings: pick it up to listen to Анна Смирнова. Nobody hears you.");
    }

    private static String text(FxRobot robot) {
        return robot.lookup("#board-spy-status").queryAs(Label.class).getText();
    }

    private static TableCell<?, ?> cell(FxRobot robot, String operator) {
        return robot.lookup(".table-cell").match(node -> node instanceof TableCell<?, ?> cell
                && operator.equals(cell.getText())).query();
    }
}
