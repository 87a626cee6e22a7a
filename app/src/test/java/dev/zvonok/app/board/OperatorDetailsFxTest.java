package dev.zvonok.app.board;

import static dev.zvonok.app.board.Boards.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.app.live.ConnectionState;
import dev.zvonok.app.settings.Languages;
import dev.zvonok.app.settings.Settings.Theme;
import dev.zvonok.app.settings.Themes;
import dev.zvonok.app.testing.MutableClock;
import dev.zvonok.model.api.CallPage;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A click on an operator's row opens their details beside the board. */
@ExtendWith(ApplicationExtension.class)
class OperatorDetailsFxTest {

    private final MutableClock clock = new MutableClock(T0, Boards.ZONE);
    private BoardViewModel board;

    @Start
    void start(Stage stage) {
        Themes.apply(Theme.LIGHT);
        board = new BoardViewModel(new BoardViewModelTest.RecordingSubscription(), clock, BoardThresholds.defaults(),
                number -> number);
        OperatorDetailsViewModel details = new OperatorDetailsViewModel(board, query -> new CompletableFuture<CallPage>(),
                Runnable::run, clock, number -> number);
        SupervisorView view = new SupervisorView(board, details, new SimpleObjectProperty<>(Languages.ENGLISH));
        stage.setScene(new Scene(view.root(), 1280, 700));
        stage.show();
    }

    @Test
    void aClickOnAnOperatorOpensTheirDetails(FxRobot robot) {
        board.connectionChanged(new ConnectionState.Connected());
        board.start();
        board.accept(Boards.demoSnapshot());
        robot.interact(board::tick);

        Node anna = robot.lookup("#board-operators .table-cell").match(node -> node instanceof TableCell<?, ?> cell
                && "Анна Смирнова".equals(cell.getText())).query();
        robot.clickOn(anna);

        assertThat(board.selectedUserIdProperty().get()).isEqualTo(1L);
        assertThat(robot.lookup("#board-details").query().isVisible()).isTrue();
    }
}
