package dev.zvonok.app.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zvonok.app.ServerCallHistory;
import dev.zvonok.app.fx.FxThread;
import dev.zvonok.app.history.CallHistorySource;
import dev.zvonok.app.history.HistoryViewModel;
import dev.zvonok.app.history.MissedCallsViewModel;
import dev.zvonok.app.live.ConnectionState;
import dev.zvonok.app.server.RunningServer;
import dev.zvonok.app.server.Sessions;
import dev.zvonok.app.settings.Languages;
import dev.zvonok.app.settings.Settings.Theme;
import dev.zvonok.app.settings.Themes;
import dev.zvonok.model.api.CallListItem;
import dev.zvonok.model.directory.UserView;
import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.db.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Ivanov's main window on a real stage, against the real server after recorded calls: 01 answered by 777, 11, where
 * ООО Ромашка (+79991234567) reaches 777, and 02 missed at 777 last (played before 11, it would have been reached by
 * the dealer's call to 888 in 11, and left the missed list).
 */
@ExtendWith(ApplicationExtension.class)
class MainViewFxTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static RunningServer server;
    @TempDir
    static Path dataDirectory;

    private static Sessions sessions;
    private static ServerCallHistory client;
    private static UserView ivanov;

    private final ObjectProperty<Locale> language = new SimpleObjectProperty<>(Languages.ENGLISH);
    private final AtomicInteger loads = new AtomicInteger();
    private final List<String> dialled = new CopyOnWriteArrayList<>();
    private final AtomicInteger reconnects = new AtomicInteger();
    private final AtomicInteger settingsOpened = new AtomicInteger();
    private final AtomicInteger administrationOpened = new AtomicInteger();
    private final AtomicInteger loggedOut = new AtomicInteger();
    private final List<CallListItem> opened = new CopyOnWriteArrayList<>();
    private MainViewModel vm;

    @BeforeAll
    static void startServer() throws Exception {
        server = RunningServer.start(db);
        server.play("01-inbound-answered-caller-hangup", 1);
        server.play("11-two-overlapping-inbound", 2);
        server.play("02-inbound-no-answer", 1);
        sessions = RunningServer.newSessions(dataDirectory);
        ivanov = sessions.login(server.address(), "ivanov", RunningServer.PASSWORD).user();
        client = new ServerCallHistory(sessions, ForkJoinPool.commonPool());
    }

    @AfterAll
    static void stopServer() {
        sessions.close();
        server.close();
    }

    @Start
    void start(Stage stage) {
        Themes.apply(Theme.LIGHT); // as the app does before its first window: the views use the theme's colours
        FxThread fxThread = new FxThread();
        Clock clock = Clock.systemDefaultZone();
        CallHistorySource counted = query -> {
            loads.incrementAndGet();
            return client.calls(query);
        };
        vm = new MainViewModel(ivanov,
                new HistoryViewModel(counted, ivanov, fxThread, clock, PhoneNumbers.russian()),
                new MissedCallsViewModel(counted, number -> {
                    dialled.add(number);
                    return CompletableFuture.completedFuture(null);
                }, ivanov, fxThread, clock, PhoneNumbers.russian()),
                new ConnectionIndicatorViewModel(reconnects::incrementAndGet, fxThread, clock));
        MainView view = new MainView(vm, language, settingsOpened::incrementAndGet, loggedOut::incrementAndGet,
                opened::add, administrationOpened::incrementAndGet);
        stage.setScene(new Scene(view.root(), 1100, 600));
        stage.titleProperty().bind(view.title());
        stage.show();
        vm.start();
    }

    @SuppressWarnings("unchecked")
    private static TableView<CallListItem> table(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TableView.class);
    }

    private static List<String> column(FxRobot robot, String table, String styleClass) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(table + " ." + styleClass).queryAll().stream()
                .filter(node -> node instanceof TableCell<?, ?>)
                .map(node -> ((Labeled) node).getText())
                .filter(text -> text != null && !text.isEmpty())
                .toList();
    }

    @Test
    void theHistoryShowsIvanovsCallsNewestFirstInReadableForm(FxRobot robot) {
        TableView<CallListItem> history = table(robot, "#history-table");
        await().atMost(PATIENCE).until(() -> history.getItems().size() == 3);

        assertThat(column(robot, "#history-table", "call-number"))
                .containsExactly("+7 927 139-09-07", "+7 999 123-45-67", "+7 927 139-09-07");
        assertThat(column(robot, "#history-table", "call-caller"))
                .containsExactly("Автодом Волга · ООО «Волга-Авто»", "ООО Ромашка", "Автодом Волга · ООО «Волга-Авто»");
        assertThat(column(robot, "#history-table", "call-disposition"))
                .containsExactly("Missed", "Answered", "Answered");
        assertThat(robot.lookup("#main-operator").queryAs(Label.class).getText()).isEqualTo("Иван Иванов");
        assertThat(robot.lookup("#main-extensions").queryAs(Label.class).getText()).isEqualTo("Phone 777");
    }

    @Test
    void theMissedTabCountsTheMissedCallAndCallsItBack(FxRobot robot) {
        Label badge = robot.lookup("#main-missed-badge").queryAs(Label.class);
        await().atMost(PATIENCE).until(() -> "1".equals(badge.getText()) && badge.isVisible());

        robot.press(KeyCode.CONTROL, KeyCode.M).release(KeyCode.M, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(vm.selectedTabProperty().get()).isEqualTo(MainTab.MISSED);
        assertThat(badge.isVisible()).as("seen").isFalse();
        TableView<CallListItem> missed = table(robot, "#missed-table");
        assertThat(missed.getItems()).singleElement()
                .satisfies(call -> assertThat(call.caller().name()).isEqualTo("Автодом Волга"));

        robot.clickOn(robot.lookup(".call-back-button").queryAs(Button.class));
        await().atMost(PATIENCE).until(() -> !dialled.isEmpty());
        assertThat(dialled).containsExactly("+79271390907");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#missed-call-back-status").queryAs(Label.class).getText())
                .isEqualTo("Your desk phone is ringing: pick it up to call +7 927 139-09-07.");
    }

    @Test
    void searchingANumberInAnotherFormatFindsItsCalls(FxRobot robot) {
        TableView<CallListItem> history = table(robot, "#history-table");
        await().atMost(PATIENCE).until(() -> history.getItems().size() == 3);

        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        robot.write("8 (927) 139-09-07").type(KeyCode.ENTER);

        await().atMost(PATIENCE).until(() -> history.getItems().size() == 2);
        assertThat(history.getItems()).allSatisfy(call -> assertThat(call.callerNumber()).isEqualTo("+79271390907"));
    }

    @Test
    void aNameIsFoundAmongTheLoadedCalls(FxRobot robot) {
        TableView<CallListItem> history = table(robot, "#history-table");
        await().atMost(PATIENCE).until(() -> history.getItems().size() == 3);

        // typed through the view-model: the headless robot types no Cyrillic
        robot.interact(() -> vm.history().searchTextProperty().set("Ромашка"));

        assertThat(history.getItems()).singleElement()
                .satisfies(call -> assertThat(call.callerNumber()).isEqualTo("+79991234567"));
    }

    @Test
    void f5ReloadsBothListsAndCtrlCommaOpensTheSettings(FxRobot robot) {
        await().atMost(PATIENCE).until(() -> !vm.history().loadingProperty().get() && loads.get() >= 2);
        int before = loads.get();

        robot.type(KeyCode.F5);
        await().atMost(PATIENCE).until(() -> loads.get() == before + 2);

        robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(settingsOpened).hasValue(1);
    }

    @Test
    void anOperatorIsNotOfferedTheAdministration(FxRobot robot) {
        assertThat(robot.lookup("#main-settings").tryQuery()).isPresent();
        assertThat(robot.lookup("#main-administration").tryQuery()).isEmpty();

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A).release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(administrationOpened).hasValue(0);
    }

    @Test
    void theLogOutButtonAndCtrlShiftLEndTheSession(FxRobot robot) {
        robot.clickOn("#main-log-out");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(loggedOut).hasValue(1);

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(loggedOut).hasValue(2);
    }

    @Test
    void theConnectionIndicatorCountsDownAndOffersToReconnectNow(FxRobot robot) {
        Label status = robot.lookup("#main-connection").queryAs(Label.class);
        Button reconnect = robot.lookup("#main-reconnect").queryAs(Button.class);

        vm.connection().connectionChanged(new ConnectionState.Connected());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(status.getText()).isEqualTo("Connected");
        assertThat(reconnect.isVisible()).isFalse();

        vm.connection().connectionChanged(new ConnectionState.Reconnecting(
                Instant.now().plusSeconds(30), "connection reset"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(status.getText()).matches("Reconnecting in \\d+ s");
        assertThat(reconnect.isVisible()).isTrue();

        robot.clickOn(reconnect);
        assertThat(reconnects).hasValue(1);

        vm.connection().connectionChanged(new ConnectionState.Offline("the server refused the session"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(status.getText()).isEqualTo("Offline: the server refused the session");
    }

    @Test
    void theWindowSpeaksBothLanguages(FxRobot robot) {
        TableView<CallListItem> history = table(robot, "#history-table");
        await().atMost(PATIENCE).until(() -> history.getItems().size() == 3);
        TabPane tabs = robot.lookup("#main-tabs").queryAs(TabPane.class);
        assertThat(tabs.getTabs()).extracting(tab -> tab.getText()).containsExactly("History", "Missed calls");
        assertThat(((Stage) tabs.getScene().getWindow()).getTitle()).isEqualTo("Zvonok — Иван Иванов");

        robot.interact(() -> language.set(Languages.RUSSIAN));

        assertThat(tabs.getTabs()).extracting(tab -> tab.getText()).containsExactly("История", "Пропущенные");
        assertThat(robot.lookup("#main-extensions").queryAs(Label.class).getText()).isEqualTo("Телефон 777");
        assertThat(column(robot, "#history-table", "call-disposition"))
                .as("the cells too, without a reload").containsExactly("Пропущен", "Отвечен", "Отвечен");
        assertThat(history.getColumns()).extracting(c -> c.getText()).contains("Время", "Номер", "Абонент");
        assertThat(((Stage) tabs.getScene().getWindow()).getTitle()).isEqualTo("Звонок — Иван Иванов");
        assertThat(robot.lookup("#history-search").queryAs(TextField.class).getPromptText()).startsWith("Поиск");
    }
}
