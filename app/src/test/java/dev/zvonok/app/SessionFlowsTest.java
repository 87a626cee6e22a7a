package dev.zvonok.app;

import static dev.zvonok.app.RunningApp.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zvonok.app.server.SessionStore;
import dev.zvonok.app.server.WireJson;
import dev.zvonok.app.settings.Languages;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The app quits and starts again: it leaves nothing running behind, and it remembers who was logged in. */
class SessionFlowsTest extends EndToEndTest {

    @Test
    void aSecondStartWithTheSameDataDirectoryGoesStraightToTheMainWindowAndRestoresTheRingingCard()
            throws Exception {
        launchAndLogIn("ivanov", "Иван Иванов");
        TraceSteps call = server.call(EndToEndServer.DIRECT_CALL).next();
        app.awaitCard();

        app.close(); // quits: the toolkit calls stop()
        app = null;
        assertThat(RunningApp.cardWindows()).as("stop() closes the cards").isEmpty();
        await().atMost(PATIENCE).until(() -> server.connectedClients() == 0);

        List<String> loginFormOffered = new CopyOnWriteArrayList<>();
        ChangeListener<Scene> watch = watchForAnEditableLoginForm(loginFormOffered);
        try {
            app = RunningApp.launch(robot, RunningApp.arguments(server.address(), dataDir));
            app.awaitMainWindow("Иван Иванов", "Connected");
        } finally {
            RunningApp.onFx(() -> {
                stage().sceneProperty().removeListener(watch);
                return null;
            });
        }
        assertThat(loginFormOffered).as("the login form was never there to type into").isEmpty();

        Stage card = app.awaitCard();
        await().atMost(PATIENCE).until(() -> "Pick up the handset".equals(app.text(card, "#card-status")));
        assertThat(app.text(card, "#card-title")).as("restored from active-calls").isEqualTo("Автодом Волга");
        call.rest();
        await().atMost(PATIENCE).until(() -> "Call ended".equals(app.text(card, "#card-status")));
    }

    @Test
    void aPasswordOnStandardInputLogsInAtStartWithNoneOnTheCommandLine() throws Exception {
        RunningApp.settings(dataDir, server.address(), Languages.ENGLISH);
        InputStream terminal = System.in;
        System.setIn(new ByteArrayInputStream((EndToEndServer.PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)));
        try {
            app = RunningApp.launch(robot, RunningApp.arguments(server.address(), dataDir,
                    "--login", "ivanov", "--password-stdin"));
        } finally {
            System.setIn(terminal);
        }

        app.awaitMainWindow("Иван Иванов", "Connected");
        assertThat(new SessionStore(dataDir, WireJson.mapper()).load())
                .as("the next start, e.g. at login, resumes this session with no password")
                .hasValueSatisfying(stored -> {
                    assertThat(stored.login()).isEqualTo("ivanov");
                    assertThat(stored.refreshToken()).isNotBlank();
                });
    }

    @Test
    void startedWhileTheServerIsAwayTheAppOpensAsTheStoredOperatorAndConnectsOnceItIsBack() throws Exception {
        launchAndLogIn("ivanov", "Иван Иванов");
        app.close();
        app = null;
        await().atMost(PATIENCE).until(() -> server.connectedClients() == 0);

        server.cutTheNetwork(); // the PC starts before the server, or its network is down
        app = RunningApp.launch(robot, RunningApp.arguments(server.address(), dataDir));

        await().atMost(PATIENCE).until(() -> "Иван Иванов".equals(app.text(app.window(), "#main-operator"))
                && app.text(app.window(), "#main-connection").startsWith("Reconnecting"));
        assertThat(app.node(app.window(), "#login-password")).as("no password asked for").isEmpty();

        server.restoreTheNetwork();
        Button reconnectNow = (Button) app.node(app.window(), "#main-reconnect").orElseThrow();
        robot.interact(() -> {
            if (reconnectNow.isVisible()) {
                reconnectNow.fire(); // or it dials again on its own by then
            }
        });
        app.awaitMainWindow("Иван Иванов", "Connected");
        TraceSteps call = server.call(EndToEndServer.DIRECT_CALL).next();
        Stage card = app.awaitCard();
        assertThat(app.text(card, "#card-title")).isEqualTo("Автодом Волга");
        call.rest();
        await().atMost(PATIENCE).until(() -> "Call ended".equals(app.text(card, "#card-status")));
    }

    @Test
    void ctrlShiftLLogsOutHereAndOnTheServerAndTheNextStartAsksForThePassword() throws Exception {
        launchAndLogIn("ivanov", "Иван Иванов");
        String refreshToken = storedRefreshToken().orElseThrow();

        robot.interact(app.window()::requestFocus);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);

        await().atMost(PATIENCE).until(() -> app.node(app.window(), "#login-password").isPresent());
        await().atMost(PATIENCE).until(() -> server.connectedClients() == 0);
        assertThat(storedRefreshToken()).as("forgotten on this computer").isEmpty();
        assertThat(server.refreshRefused(refreshToken)).as("ended on the server").isTrue();
        assertThat(app.text(app.window(), "#login-login")).as("the login stays for the form").isEqualTo("ivanov");

        app.close();
        app = RunningApp.launch(robot, RunningApp.arguments(server.address(), dataDir));
        await().atMost(PATIENCE).until(() -> app.node(app.window(), "#login-password")
                .filter(password -> !password.isDisabled()).isPresent());
        assertThat(app.node(app.window(), "#main-operator")).isEmpty();
    }

    private java.util.Optional<String> storedRefreshToken() {
        return new SessionStore(dataDir, WireJson.mapper()).load().map(SessionStore.Stored::refreshToken);
    }

    /**
     * Notes every moment a login form could be typed into on the app's stage: its password field enabled once the FX
     * thread is done with what put it there or changed it (while the stored session is resumed it is disabled, and
     * the moment it is enabled again on success the main window replaces it, within the same event).
     */
    private static ChangeListener<Scene> watchForAnEditableLoginForm(List<String> offered) {
        Stage stage = stage();
        ChangeListener<Scene> sceneChanged = (property, was, scene) -> {
            Node password = scene == null ? null : scene.getRoot().lookup("#login-password");
            if (password == null) {
                return;
            }
            Runnable check = () -> Platform.runLater(() -> {
                if (stage.getScene() == scene && !password.isDisabled()) {
                    offered.add("the password field, enabled");
                }
            });
            check.run();
            password.disabledProperty().addListener((p, wasDisabled, disabled) -> check.run());
        };
        RunningApp.onFx(() -> {
            stage.sceneProperty().addListener(sceneChanged);
            return null;
        });
        return sceneChanged;
    }

    private static Stage stage() {
        return FxToolkit.toolkitContext().getRegisteredStage();
    }
}
