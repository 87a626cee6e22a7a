package dev.zvonok.app.main;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.Styles;
import dev.zvonok.app.board.BoardThresholds;
import dev.zvonok.app.board.BoardViewModel;
import dev.zvonok.app.board.BoardSubscription;
import dev.zvonok.app.board.Boards;
import dev.zvonok.app.history.CallHistorySource;
import dev.zvonok.app.history.HistoryViewModel;
import dev.zvonok.app.history.MissedCallsViewModel;
import dev.zvonok.app.live.ConnectionState;
import dev.zvonok.app.settings.Languages;
import dev.zvonok.app.settings.Settings.Theme;
import dev.zvonok.app.settings.Themes;
import dev.zvonok.app.testing.MutableClock;
import dev.zvonok.model.board.WorkStatus;
import dev.zvonok.model.directory.Role;
import dev.zvonok.model.directory.UserView;
import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.model.ws.ServerMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A supervisor with a phone: the board is their home tab, asked for as the window opens, and the header has their own
 * work status control, which sends {@code set-work-status}.
 */
@ExtendWith(ApplicationExtension.class)
class MainViewSupervisorFxTest {

    private final MutableClock clock = new MutableClock(Boards.T0, Boards.ZONE);
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private WorkStatusViewModel workStatus;

    @Start
    void start(Stage stage) {
        Themes.apply(Theme.LIGHT);
        UserView supervisor = new UserView(7, "olga", "Ольга Сергеевна", Role.SUPERVISOR, List.of("700"));
        CallHistorySource never = query -> new CompletableFuture<>();
        workStatus = new WorkStatusViewModel((ref, status, reason) -> sent.add(status.wireName() + " " + reason),
                Runnable::run, clock);
        BoardViewModel board = new BoardViewModel(new BoardSubscription() {
            @Override
            public boolean subscribe(String ref) {
                return sent.add("subscribe-board");
            }

            @Override
            public void unsubscribe(String ref) {
                sent.add("unsubscribe-board");
            }
        }, clock, BoardThresholds.defaults(), number -> number);
        MainViewModel vm = new MainViewModel(supervisor,
                new HistoryViewModel(never, supervisor, Runnable::run, clock, PhoneNumbers.russian()),
                new MissedCallsViewModel(never, number -> CompletableFuture.completedFuture(null), supervisor,
                        Runnable::run, clock, PhoneNumbers.russian()),
                new ConnectionIndicatorViewModel(() -> { }, Runnable::run, clock), workStatus, board);
        MainView view = new MainView(vm, new SimpleObjectProperty<>(Languages.ENGLISH), () -> { }, () -> { },
                call -> { });
        stage.setScene(new Scene(view.root(), 1200, 600));
        stage.show();
        vm.start();
    }

    @Test
    void noCaretBlinksWhenTheBoardOpensAndCtrlFSearchesTheBoard(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Scene scene = robot.lookup("#main-tabs").query().getScene();
        assertThat(scene.getFocusOwner()).as("a focused field's caret would keep JavaFX pulsing 60 times a second")
                .isNotInstanceOf(TextInputControl.class);
        assertThat(scene.getFocusOwner()).isSameAs(robot.lookup("#board-operators").query());

        robot.press(KeyCode.CONTROL).press(KeyCode.F).release(KeyCode.F).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(scene.getFocusOwner()).isSameAs(robot.lookup("#board-search").query());
        assertThat(robot.lookup("#main-tabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getId())
                .isEqualTo("main-board-tab");
    }

    @Test
    void theBoardIsHomeAndTheWorkStatusIsOneClickAway(FxRobot robot) {
        TabPane tabs = robot.lookup("#main-tabs").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("main-board-tab");
        assertThat(robot.lookup("#board-operators").tryQuery()).isPresent();
        assertThat(sent).containsExactly("subscribe-board");
        assertThat(robot.lookup("#main-work-status-box").query().isVisible())
                .as("hidden until the server says the status").isFalse();

        robot.interact(() -> {
            workStatus.connectionChanged(new ConnectionState.Connected());
            workStatus.accept(new ServerMessage.WorkStatusChanged(null, WorkStatus.AVAILABLE, null, Boards.T0,
                    List.of("lunch", "training"), null));
        });
        MenuButton button = robot.lookup("#main-work-status").queryAs(MenuButton.class);
        assertThat(robot.lookup("#main-work-status-box").query().isVisible()).isTrue();
        assertThat(button.getText()).isEqualTo("Available");

        robot.clickOn(button);
        robot.clickOn("Break: training");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(sent).containsExactly("subscribe-board", "break training");
        assertThat(button.getText()).isEqualTo("Changing…");

        robot.interact(() -> {
            workStatus.accept(new ServerMessage.WorkStatusChanged("work-status-1", WorkStatus.BREAK, "training",
                    Boards.T0, List.of("lunch", "training"), "QueuePause failed: no such member"));
            clock.advance(Duration.ofSeconds(95));
            workStatus.tick();
        });
        assertThat(button.getText()).isEqualTo("Break · training · 1:35");
        assertThat(robot.lookup("#main-work-status-problem").queryLabeled().getText())
                .isEqualTo("The phone system did not follow: QueuePause failed: no such member");
        assertThat(robot.lookup("#main-work-status-problem").queryLabeled().getStyleClass())
                .contains(Styles.WARNING);
    }
}
