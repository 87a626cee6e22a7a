package dev.zvonok.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.zvonok.app.fx.FxThread;
import dev.zvonok.app.history.HistoryColumns;
import dev.zvonok.app.history.HistoryColumnsKeeper;
import dev.zvonok.app.history.HistoryColumnsStore;
import dev.zvonok.app.history.HistoryView;
import dev.zvonok.app.history.HistoryViewModel;
import dev.zvonok.app.server.RefreshPolicy;
import dev.zvonok.app.server.RunningServer;
import dev.zvonok.app.server.ServerApi;
import dev.zvonok.app.server.SessionStore;
import dev.zvonok.app.server.Sessions;
import dev.zvonok.app.server.WireJson;
import dev.zvonok.app.settings.Languages;
import dev.zvonok.app.settings.Settings.Theme;
import dev.zvonok.app.settings.Themes;
import dev.zvonok.model.api.CallListItem;
import dev.zvonok.model.directory.UserView;
import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.db.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Ivanov's history window keeps its notes column, its columns' order and their widths across a restart: the real
 * view and its keeper on a file of Ivanov's own, the calls through the app's {@link ServerCallHistory} from the real
 * server after a recorded call.
 */
@ExtendWith(ApplicationExtension.class)
class HistoryColumnsFxTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static RunningServer server;
    private static Sessions sessions;
    private static UserView ivanov;
    private static ExecutorService background;
    private static Path dataDirectory;

    private Stage stage;

    @BeforeAll
    static void recordACall() throws Exception {
        server = RunningServer.start(db);
        server.play("07-inbound-blind-transfer-777-to-888", 1);
        dataDirectory = Files.createTempDirectory("zvonok-history-columns");
        sessions = new Sessions(new SessionStore(dataDirectory, WireJson.mapper()),
                address -> new ServerApi(address, ServerApi.newHttpClient(), WireJson.mapper(), Duration.ofSeconds(5)),
                RefreshPolicy.defaults(), Clock.systemUTC());
        ivanov = sessions.login(server.address(), "ivanov", RunningServer.PASSWORD).user();
        background = Executors.newVirtualThreadPerTaskExecutor();
    }

    @AfterAll
    static void stopServer() {
        sessions.close();
        background.shutdownNow();
        server.close();
    }

    @Start
    void start(Stage stage) {
        Themes.apply(Theme.LIGHT);
        this.stage = stage;
        stage.setScene(new Scene(historyWindow().root(), 1100, 500));
        stage.show();
    }

    /** What the session builds at a login: the view-model, its columns restored from Ivanov's file, the view. */
    private HistoryView historyWindow() {
        HistoryViewModel vm = new HistoryViewModel(new ServerCallHistory(sessions, background), ivanov,
                new FxThread(), Clock.systemDefaultZone(), PhoneNumbers.russian());
        HistoryColumnsKeeper.keep(vm, store(), background);
        HistoryView view = new HistoryView(vm, new SimpleObjectProperty<Locale>(Languages.ENGLISH), call -> { });
        vm.refresh();
        return view;
    }

    private static HistoryColumnsStore store() {
        return new HistoryColumnsStore(dataDirectory.resolve("history").resolve(ivanov.login()));
    }

    @Test
    void theNotesColumnTheOrderAndTheWidthsComeBackAfterARestart(FxRobot robot) {
        TableView<CallListItem> table = loaded(robot);
        assertThat(column(table, "call-notes").isVisible()).as("off at a first start").isFalse();
        List<String> built = ids(table);
        assertThat(built).startsWith("call-time", "call-direction", "call-number", "call-caller").endsWith("call-notes");

        robot.clickOn("#history-notes-toggle");
        robot.interact(() -> {
            // what dragging the caller's header before the time's and its border to the right do
            TableColumn<CallListItem, ?> caller = column(table, "call-caller");
            table.getColumns().remove(caller);
            table.getColumns().addFirst(caller);
            table.resizeColumn(caller, 60);
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<String> moved = ids(table);
        assertThat(moved).startsWith("call-caller", "call-time");
        double callerWidth = column(table, "call-caller").getWidth();
        await().atMost(PATIENCE).untilAsserted(() -> {
            HistoryColumns written = store().load();
            assertThat(written.notesShown()).isTrue();
            assertThat(written.columns()).extracting(HistoryColumns.Column::id).isEqualTo(moved);
            assertThat(written.columns().getFirst().width()).isCloseTo(callerWidth, within(1.0));
        });

        robot.interact(() -> stage.getScene().setRoot(historyWindow().root())); // closed and opened again
        TableView<CallListItem> restarted = loaded(robot);

        assertThat(restarted).isNotSameAs(table);
        assertThat(ids(restarted)).isEqualTo(moved);
        assertThat(column(restarted, "call-notes").isVisible()).isTrue();
        assertThat(robot.lookup("#history-notes-toggle").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(column(restarted, "call-caller").getWidth()).as("as wide as it was left")
                .isCloseTo(callerWidth, within(2.0));
    }

    @SuppressWarnings("unchecked")
    private static TableView<CallListItem> loaded(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        TableView<CallListItem> table = robot.lookup("#history-table").queryAs(TableView.class);
        await().atMost(PATIENCE).until(() -> !table.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        return table;
    }

    private static TableColumn<CallListItem, ?> column(TableView<CallListItem> table, String id) {
        return table.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
    }

    private static List<String> ids(TableView<CallListItem> table) {
        return table.getColumns().stream().map(TableColumn::getId).toList();
    }
}
