package dev.zvonok.app;

import static org.awaitility.Awaitility.await;

import dev.zvonok.app.admin.AdminWindow;
import dev.zvonok.app.card.CardSnapshots;
import dev.zvonok.app.fx.FxThread;
import dev.zvonok.app.server.RunningServer;
import dev.zvonok.app.server.ServerApi;
import dev.zvonok.app.server.Sessions;
import dev.zvonok.app.server.WireJson;
import dev.zvonok.app.settings.Settings.Theme;
import dev.zvonok.app.settings.Themes;
import dev.zvonok.model.admin.AdminUser;
import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.db.TestDatabase;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the Administration window, with the demo directory of the real server and one operator open in the editor,
 * into {@code admin-users-en.png} and {@code admin-users-ru.png}. Like {@link Screenshots}, not in the default run:
 * the {@code screenshots} profile writes {@code docs/screenshots/}; {@code -Dtest=AdminScreenshots} writes
 * {@code app/target/screenshots/}.
 */
@ExtendWith(ApplicationExtension.class)
class AdminScreenshots {

    private static final Path FOLDER = Path.of(System.getProperty("zvonok.screenshots.dir", "target/screenshots"));
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    static Path dataDirectory;

    private static RunningServer server;
    private static Sessions sessions;
    private Stage owner;

    @BeforeAll
    static void startServer() throws Exception {
        server = RunningServer.start(db);
        sessions = RunningServer.newSessions(dataDirectory);
        sessions.login(server.address(), "admin", RunningServer.PASSWORD);
    }

    @AfterAll
    static void stopServer() {
        sessions.close();
        server.close();
    }

    @Start
    void start(Stage stage) {
        Themes.apply(Theme.LIGHT);
        stage.setScene(new Scene(new StackPane(new Label("main window")), 200, 100));
        stage.show();
        owner = stage;
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "ru"})
    void theUsersTab(String language, FxRobot robot) throws Exception {
        ServerAdministration administration = new ServerAdministration(sessions, ServerApi.newHttpClient(),
                WireJson.mapper(), Duration.ofSeconds(10), ForkJoinPool.commonPool());
        AdminWindow window = new AdminWindow(owner, administration, PhoneNumbers.russian(),
                new SimpleObjectProperty<>(Locale.forLanguageTag(language)), ForkJoinPool.commonPool(),
                new FxThread());
        robot.interact(window::show);
        TableView<AdminUser> users = RunningApp.onFx(() -> (TableView<AdminUser>) window.stage().getScene()
                .lookup("#admin-users-table"));
        await().atMost(PATIENCE).until(() -> RunningApp.onFx(() -> users.getItems().size() >= 5));
        robot.interact(() -> users.getSelectionModel().select(users.getItems().stream()
                .filter(user -> user.login().equals("ivanov")).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        BufferedImage picture = RunningApp.onFx(() -> CardSnapshots.capture(window.stage().getScene()));
        CardSnapshots.writePng(picture, FOLDER.resolve("admin-users-" + language + ".png"));
        robot.interact(window::close);
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "ru"})
    void theDealersTabWithItsEditor(String language, FxRobot robot) throws Exception {
        ServerAdministration administration = new ServerAdministration(sessions, ServerApi.newHttpClient(),
                WireJson.mapper(), Duration.ofSeconds(10), ForkJoinPool.commonPool());
        AdminWindow window = new AdminWindow(owner, administration, PhoneNumbers.russian(),
                new SimpleObjectProperty<>(Locale.forLanguageTag(language)), ForkJoinPool.commonPool(),
                new FxThread());
        robot.interact(window::show);
        robot.interact(() -> ((javafx.scene.control.TabPane) window.stage().getScene().lookup("#admin-tabs"))
                .getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();
        TableView<Object> dealers = RunningApp.onFx(() -> (TableView<Object>) window.stage().getScene()
                .lookup("#admin-dealers-table"));
        await().atMost(PATIENCE).until(() -> RunningApp.onFx(() -> !dealers.getItems().isEmpty()));
        robot.interact(() -> dealers.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        BufferedImage picture = RunningApp.onFx(() -> CardSnapshots.capture(window.stage().getScene()));
        CardSnapshots.writePng(picture, FOLDER.resolve("admin-dealers-" + language + ".png"));
        robot.interact(window::close);
    }
}
