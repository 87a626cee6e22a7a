package dev.zvonok.app.board;

import static dev.zvonok.app.board.Boards.T0;

import dev.zvonok.app.card.CardSnapshots;
import dev.zvonok.app.live.ConnectionState;
import dev.zvonok.app.settings.Settings.Theme;
import dev.zvonok.app.settings.Themes;
import dev.zvonok.app.testing.MutableClock;
import dev.zvonok.model.phone.PhoneNumbers;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the Supervisor board, fed with a morning's board through its view-model, into {@code supervisor-en.png}
 * and {@code supervisor-ru.png}. Like the app's other screenshots, not in the default run (its name matches none of
 * surefire's patterns): the {@code screenshots} profile writes {@code docs/screenshots/}; {@code
 * -Dtest=SupervisorScreenshots} writes {@code app/target/screenshots/}. Once the server answers the board, the lead
 * may feed it from the real server instead.
 */
@ExtendWith(ApplicationExtension.class)
class SupervisorScreenshots {

    private static final Path FOLDER = Path.of(System.getProperty("zvonok.screenshots.dir", "target/screenshots"));

    private Stage stage;

    @Start
    void start(Stage primary) {
        Themes.apply(Theme.LIGHT);
        stage = primary;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "ru"})
    void theBoard(String language, FxRobot robot) throws Exception {
        MutableClock clock = new MutableClock(T0, Boards.ZONE);
        BoardViewModel board = new BoardViewModel(new BoardViewModelTest.RecordingSubscription(), clock,
                BoardThresholds.defaults(), PhoneNumbers.russian()::display);
        board.connectionChanged(new ConnectionState.Connected());
        board.start();
        board.accept(Boards.demoSnapshot());
        robot.interact(() -> {
            SupervisorView view = new SupervisorView(board, new SimpleObjectProperty<>(Locale.forLanguageTag(language)));
            stage.setScene(new Scene(view.root(), 1360, 640));
            stage.show();
            board.groupByTeamProperty().set(true);
            board.tick();
        });
        WaitForAsyncUtils.waitForFxEvents();
        BufferedImage picture = WaitForAsyncUtils.asyncFx(() -> CardSnapshots.capture(stage.getScene())).get();
        CardSnapshots.writePng(picture, FOLDER.resolve("supervisor-" + language + ".png"));
    }
}
