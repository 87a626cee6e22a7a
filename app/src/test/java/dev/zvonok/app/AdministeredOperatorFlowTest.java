package dev.zvonok.app;

import static dev.zvonok.app.RunningApp.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zvonok.app.settings.Languages;
import dev.zvonok.server.cli.LiveServer;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.pbx.AmiEndpoint;
import dev.zvonok.server.pbx.PlaybackSpeed;
import dev.zvonok.server.sim.CallSpec;
import dev.zvonok.server.sim.PbxSimulator;
import dev.zvonok.server.sim.Role;
import dev.zvonok.server.sim.Shape;
import dev.zvonok.server.sim.ShapeLibrary;
import dev.zvonok.server.sim.SimulatedPbx;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * A call centre set up through the app alone: the admin creates an operator with extension 555 in the Administration
 * window, the operator logs in, and a recorded call replayed to 555 (the simulator rewrites the recording's 777)
 * pops up the card in her app. The server is the real one on a simulated PBX, not the replay of fixed recordings the
 * other flows use: no recording rings 555.
 */
class AdministeredOperatorFlowTest {

    private static final String ADMIN_PASSWORD = EndToEndServer.PASSWORD;
    private static final String PASSWORD = "a-good-password";

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path dataDir;

    private final FxRobot robot = new FxRobot();
    private SimulatedPbx pbx;
    private LiveServer server;
    private RunningApp app;

    @BeforeAll
    static void toolkit() throws TimeoutException {
        RunningApp.startToolkit();
    }

    @BeforeEach
    void startServer() {
        db.clean();
        pbx = SimulatedPbx.start(AmiEndpoint.builder(), new PbxSimulator(ShapeLibrary.load(), Instant.now(), 11),
                PlaybackSpeed.times(10));
        server = LiveServer.start(db.settings(), pbx.endpoint());
    }

    @AfterEach
    void stopEverything() throws TimeoutException {
        try {
            if (app != null) {
                app.close();
            }
        } finally {
            server.close();
            pbx.close();
        }
    }

    @Test
    void anOperatorTheAdminCreatedWithExtension555GetsTheCardOfACallTo555() throws Exception {
        URI address = URI.create("http://127.0.0.1:" + server.port());
        RunningApp.settings(dataDir, address, Languages.ENGLISH);
        app = RunningApp.launch(robot, RunningApp.arguments(address, dataDir));
        app.logInThroughTheForm("admin", ADMIN_PASSWORD);
        await().atMost(PATIENCE).until(() -> "Администратор".equals(app.text(app.window(), "#main-operator")));

        robot.clickOn(app.node(app.window(), "#main-administration").orElseThrow());
        Stage administration = awaitAdministration();
        robot.clickOn("#admin-new-user");
        robot.clickOn("#admin-login").write("kuznetsova");
        robot.clickOn("#admin-name").write("Anna Kuznetsova");
        robot.clickOn("#admin-password").write(PASSWORD);
        robot.clickOn("#admin-add-phone");
        robot.clickOn("#admin-phone-number-0").write("555");
        robot.clickOn("#admin-save");
        await().atMost(PATIENCE).until(() -> "Saved.".equals(app.text(administration, "#admin-editor-notice")));
        // closed as the admin closes it (the title bar's close), so the main window's log-out is not covered by it
        robot.interact(() -> administration.fireEvent(
                new WindowEvent(administration, WindowEvent.WINDOW_CLOSE_REQUEST)));
        await().atMost(PATIENCE).until(() -> !RunningApp.onFx(administration::isShowing));

        robot.clickOn(app.node(app.window(), "#main-log-out").orElseThrow());
        app.logInThroughTheForm("kuznetsova", PASSWORD);
        app.awaitMainWindow("Anna Kuznetsova", "Connected");

        pbx.play(CallSpec.of(Shape.DIRECT_ANSWERED).with(Role.OPERATOR, "555"));

        Stage card = app.awaitCard();
        await().atMost(PATIENCE).until(() -> "Автодом Волга".equals(app.text(card, "#card-title")));
        assertThat(app.text(card, "#card-caller-detail")).isEqualTo("Dealer · ООО «Волга-Авто»");
    }

    /** The Administration window, once it shows (a window of its own, over the main window). */
    private Stage awaitAdministration() {
        await().atMost(PATIENCE).until(() -> administrationWindow() != null);
        return administrationWindow();
    }

    private static Stage administrationWindow() {
        return RunningApp.onFx(() -> Window.getWindows().stream()
                .filter(w -> w instanceof Stage && w.isShowing() && w.getScene() != null
                        && "admin-tabs".equals(w.getScene().getRoot().getId()))
                .map(Stage.class::cast)
                .findFirst().orElse(null));
    }
}
