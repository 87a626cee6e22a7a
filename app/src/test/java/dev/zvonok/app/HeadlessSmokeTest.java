package dev.zvonok.app;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class HeadlessSmokeTest {

    private Button button;
    private int clicks;

    @Start
    void start(Stage stage) {
        button = new Button("press");
        button.setOnAction(e -> clicks++);
        stage.setScene(new Scene(button, 200, 100));
        stage.show();
    }

    @Test
    void aClickReachesTheButton(FxRobot robot) {
        robot.clickOn(button);
        assertThat(clicks).isEqualTo(1);
    }
}
