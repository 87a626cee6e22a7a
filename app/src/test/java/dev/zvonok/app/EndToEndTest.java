package dev.zvonok.app;

import dev.zvonok.app.settings.Languages;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.pbx.PlaybackSpeed;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * What every end-to-end flow shares: a fresh server (database cleaned) per test, a data directory of the app's own,
 * and the app stopped after the test as the toolkit stops it ({@code stop()}), so that the next test starts a new one
 * on the same stage.
 */
abstract class EndToEndTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path dataDir;

    final FxRobot robot = new FxRobot();
    EndToEndServer server;
    RunningApp app;

    @BeforeAll
    static void toolkit() throws TimeoutException {
        RunningApp.startToolkit();
    }

    @BeforeEach
    void startServer() {
        server = newServer();
    }

    /** The server of each test: by default one whose desk phones all answer when the PBX rings them. */
    EndToEndServer newServer() {
        return EndToEndServer.start(db, speed());
    }

    /** How fast the recorded calls play. */
    PlaybackSpeed speed() {
        return PlaybackSpeed.times(10);
    }

    @AfterEach
    void stopEverything() throws TimeoutException {
        try {
            if (app != null) {
                app.close();
            }
        } finally {
            server.close();
        }
    }

    /** Starts the app in English and logs in through the form, as an operator does. */
    RunningApp launchAndLogIn(String login, String operator) throws TimeoutException {
        RunningApp.settings(dataDir, server.address(), Languages.ENGLISH);
        app = RunningApp.launch(robot, RunningApp.arguments(server.address(), dataDir));
        app.logInThroughTheForm(login, EndToEndServer.PASSWORD);
        app.awaitMainWindow(operator, "Connected");
        return app;
    }

    /** Starts the app in {@code language}, logged in at start by the command line (as the demo does). */
    RunningApp launchLoggedIn(String login, Locale language, String operator, String connected)
            throws TimeoutException {
        RunningApp.settings(dataDir, server.address(), language);
        app = RunningApp.launch(robot, RunningApp.arguments(server.address(), dataDir,
                "--login", login, "--password", EndToEndServer.PASSWORD));
        app.awaitMainWindow(operator, connected);
        return app;
    }

    /** Every text the node shows from now on, as it changes: recorded on the FX thread, so none is missed. */
    static List<String> recordTexts(Stage stage, String selector) {
        List<String> seen = new CopyOnWriteArrayList<>();
        RunningApp.onFx(() -> {
            Labeled label = (Labeled) stage.getScene().getRoot().lookup(selector);
            seen.add(label.getText());
            label.textProperty().addListener((property, was, now) -> seen.add(now));
            return null;
        });
        return seen;
    }
}
