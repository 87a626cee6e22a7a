package dev.zvonok.app.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Closing the main window leaves the app running: hidden to the tray, or minimized where there is none. */
@ExtendWith(ApplicationExtension.class)
class CloseToBackgroundFxTest {

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Label("another window"), 300, 200));
        stage.show();
    }

    private static Stage mainWindow(boolean trayIconShown) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(new Label("main"), 200, 100));
            CloseToBackground.install(stage, trayIconShown);
            stage.show();
            return stage;
        }).get(10, TimeUnit.SECONDS);
    }

    private static void close(FxRobot robot, Stage window) {
        robot.interact(() -> window.fireEvent(new WindowEvent(window, WindowEvent.WINDOW_CLOSE_REQUEST)));
    }

    @Test
    void withoutATrayClosingMinimizes(FxRobot robot) throws Exception {
        assertThat(Tray.isSupported()).as("headless: no tray").isFalse();
        Stage window = mainWindow(false);

        close(robot, window);

        assertThat(window.isShowing()).isTrue();
        assertThat(window.isIconified()).isTrue();
        robot.interact(window::hide);
    }

    @Test
    void withATrayIconClosingHides(FxRobot robot) throws Exception {
        Stage window = mainWindow(true);

        close(robot, window);

        assertThat(window.isShowing()).isFalse();
    }
}
