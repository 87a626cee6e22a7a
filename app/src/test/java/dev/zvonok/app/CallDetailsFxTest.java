package dev.zvonok.app;

import static dev.zvonok.server.db.schema.Tables.CALLS;
import static dev.zvonok.server.db.schema.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zvonok.app.fx.FxThread;
import dev.zvonok.app.history.CallDetailsViewModel;
import dev.zvonok.app.history.CallDetailsWindows;
import dev.zvonok.app.history.HistoryViewModel;
import dev.zvonok.app.history.MissedCallsViewModel;
import dev.zvonok.app.history.NoSuchCall;
import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.app.main.ConnectionIndicatorViewModel;
import dev.zvonok.app.main.MainView;
import dev.zvonok.app.main.MainViewModel;
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
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.call.CallNotes;
import dev.zvonok.model.call.ClientInfo;
import dev.zvonok.model.call.Priority;
import dev.zvonok.model.directory.UserView;
import dev.zvonok.server.calls.CallCards;
import dev.zvonok.server.calls.CardKey;
import dev.zvonok.server.db.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A call's details from Ivanov's main window, on real stages, through the app's own {@link ServerCallHistory} and
 * session against the real server after two recorded calls: 07, the dealer's call Ivanov (777) passed on to Petrov
 * (888), both of whom wrote on it, and 02, a call missed at 777.
 */
@ExtendWith(ApplicationExtension.class)
class CallDetailsFxTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String IVANOVS_NOTE = "Asks about the warranty.\nPassed on to Petrov.";
    private static final String PETROVS_NOTE = "Gearbox warranty: booked for Friday.";

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static RunningServer server;
    private static Path dataDirectory;
    private static Sessions sessions;
    private static UserView ivanov;
    private static ExecutorService background;
    private static CallListItem transferred;
    private static CallListItem missed;

    private final ObjectProperty<Locale> language = new SimpleObjectProperty<>(Languages.ENGLISH);
    private final List<String> dialled = new CopyOnWriteArrayList<>();
    private Stage mainWindow;
    private CallDetailsWindows windows;
    private MainViewModel vm;

    @BeforeAll
    static void recordTwoCallsAndWriteOnOne() throws Exception {
        server = RunningServer.start(db);
        server.play("07-inbound-blind-transfer-777-to-888", 1);
        server.play("02-inbound-no-answer", 1);
        dataDirectory = Files.createTempDirectory("zvonok-details");
        sessions = new Sessions(new SessionStore(dataDirectory, WireJson.mapper()),
                address -> new ServerApi(address, ServerApi.newHttpClient(), WireJson.mapper(), Duration.ofSeconds(5)),
                RefreshPolicy.defaults(), Clock.systemUTC());
        ivanov = sessions.login(server.address(), "ivanov", RunningServer.PASSWORD).user();
        background = Executors.newVirtualThreadPerTaskExecutor();

        List<CallListItem> calls = sessions.calls(new dev.zvonok.app.server.CallQuery(1, 10, null, null, null, null,
                null, null, null)).data();
        transferred = calls.stream().filter(c -> c.disposition() == CallDisposition.ANSWERED).findFirst()
                .orElseThrow();
        missed = calls.stream().filter(c -> c.disposition() == CallDisposition.MISSED).findFirst().orElseThrow();
        CallCards cards = new CallCards(db.dsl(), PhoneNumbers.russian());
        long petrov = db.dsl().select(USERS.ID).from(USERS).where(USERS.LOGIN.eq("petrov")).fetchSingle().value1();
        cards.save(new CardKey(transferred.id(), "777"), ivanov.id(), null,
                new CallNotes(IVANOVS_NOTE, List.of(), Priority.NORMAL, ClientInfo.EMPTY, 0));
        cards.finish(new CardKey(transferred.id(), "777"), ivanov.id(), null, Instant.now());
        cards.save(new CardKey(transferred.id(), "888"), petrov, null, new CallNotes(PETROVS_NOTE,
                List.of("warranty", "gearbox"), Priority.HIGH, new ClientInfo("Sergey", null, null, null), 0));
        // the line the call came in on, as the recorder keeps it (the recording dials 777, no line of the directory)
        db.dsl().update(CALLS).set(CALLS.LINE_NAME, "Реклама Авито").set(CALLS.LINE_SOURCE, "avito-2026")
                .where(CALLS.LINKEDID.eq(transferred.id())).execute();
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
        FxThread fxThread = new FxThread();
        Clock clock = Clock.systemDefaultZone();
        PhoneNumbers phones = PhoneNumbers.russian();
        ServerCallHistory history = new ServerCallHistory(sessions, background);
        vm = new MainViewModel(ivanov,
                new HistoryViewModel(history, ivanov, fxThread, clock, phones),
                new MissedCallsViewModel(history, number -> {
                    dialled.add(number);
                    return CompletableFuture.completedFuture(null);
                }, ivanov, fxThread, clock, phones),
                new ConnectionIndicatorViewModel(() -> { }, fxThread, clock));
        windows = new CallDetailsWindows(call -> new CallDetailsViewModel(history, call, fxThread, clock, phones,
                ivanov.extensions()), language);
        MainView view = new MainView(vm, language, () -> { }, () -> { }, call -> windows.open(stage, call));
        mainWindow = stage;
        stage.setScene(new Scene(view.root(), 1100, 600));
        stage.show();
        vm.start();
    }

    @AfterEach
    void closeTheDetails(FxRobot robot) {
        robot.interact(() -> windows.closeAll());
    }

    @SuppressWarnings("unchecked")
    private static TableView<CallListItem> table(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TableView.class);
    }

    private static TableView<CallListItem> loaded(FxRobot robot, String id, int rows) {
        TableView<CallListItem> table = table(robot, id);
        await().atMost(PATIENCE).until(() -> table.getItems().size() == rows);
        WaitForAsyncUtils.waitForFxEvents();
        return table;
    }

    private static Node row(FxRobot robot, String table, CallListItem call) {
        return robot.lookup(table + " .table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(row -> row.getItem() instanceof CallListItem item && item.id().equals(call.id()))
                .findFirst().orElseThrow();
    }

    private static List<Stage> detailsWindows() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.isShowing()
                        && s.getScene().getRoot().getStyleClass().contains("call-details"))
                .map(Stage.class::cast).toList();
    }

    /** The one details window, once it has the server's answer. */
    private static Stage awaitDetails() {
        await().atMost(PATIENCE).until(() -> detailsWindows().size() == 1
                && detailsWindows().getFirst().getScene().lookup(".details-card") != null);
        WaitForAsyncUtils.waitForFxEvents();
        return detailsWindows().getFirst();
    }

    private static List<String> labels(Stage window, String selector) {
        return window.getScene().getRoot().lookupAll(selector).stream()
                .filter(Labeled.class::isInstance).map(n -> ((Labeled) n).getText()).toList();
    }

    @Test
    void aDoubleClickInTheHistoryOpensTheCallWithEveryOperatorsPartAndCard(FxRobot robot) {
        loaded(robot, "#history-table", 2);

        robot.doubleClickOn(row(robot, "#history-table", transferred));

        Stage details = awaitDetails();
        assertThat(details.getOwner()).as("owned by the main window").isSameAs(mainWindow);
        assertThat(details.getModality()).isEqualTo(Modality.NONE);
        assertThat(details.isAlwaysOnTop()).isFalse();
        assertThat(details.getTitle()).startsWith("Автодом Волга · ООО «Волга-Авто» · ");
        assertThat(((Label) details.getScene().lookup("#details-number")).getText()).isEqualTo("+7 927 139-09-07");
        assertThat(((Label) details.getScene().lookup("#details-disposition")).getText()).isEqualTo("Answered");
        assertThat(((Label) details.getScene().lookup("#details-line-name")).getText())
                .isEqualTo("Реклама Авито \u00b7 source: avito-2026");
        assertThat(labels(details, ".details-offer-operator"))
                .containsExactly("Иван Иванов (777)", "Пётр Петров (888)");
        assertThat(labels(details, ".details-offer-result")).containsExactly("Transferred to 888", "Answered");
        assertThat(labels(details, "#details-transfers .label")).singleElement()
                .satisfies(text -> assertThat(text).startsWith("777 → 888, blind, at "));
        assertThat(labels(details, ".details-card-who")).satisfiesExactly(
                ivanovs -> assertThat(ivanovs).startsWith("Finished by Иван Иванов at "),
                petrovs -> assertThat(petrovs).isEqualTo("Пётр Петров has not finished this card yet"));
        assertThat(details.getScene().getRoot().lookupAll(".details-card-notes").stream()
                .map(n -> ((TextArea) n).getText())).containsExactly(IVANOVS_NOTE, PETROVS_NOTE);
        assertThat(labels(details, "#details-card-1-tags .label")).containsExactly("warranty", "gearbox");
        assertThat(((Label) details.getScene().lookup("#details-card-1-priority")).getText()).isEqualTo("High");
        assertThat(((Label) details.getScene().lookup("#details-card-1-client-name")).getText()).isEqualTo("Sergey");
    }

    @Test
    void enterOnTheSelectedCallOpensItAndOpeningItAgainKeepsOneWindow(FxRobot robot) {
        TableView<CallListItem> history = loaded(robot, "#history-table", 2);
        robot.interact(() -> {
            history.requestFocus();
            history.getSelectionModel().select(missed);
        });

        robot.type(KeyCode.ENTER);
        Stage first = await().atMost(PATIENCE).until(CallDetailsFxTest::detailsWindows, w -> w.size() == 1)
                .getFirst();
        await().atMost(PATIENCE).until(() -> first.getScene().lookup("#details-offers") != null);
        assertThat(((Label) first.getScene().lookup("#details-disposition")).getText()).isEqualTo("Missed");
        assertThat(first.getScene().lookup("#details-line-name")).as("a call on no known line").isNull();
        assertThat(labels(first, ".details-offer-result")).containsExactly("Missed");
        assertThat(labels(first, ".label")).contains("Nobody has written anything on this call.");

        // back in the main window, Enter again: the same window comes forward (Enter in it would have closed it)
        robot.interact(() -> {
            mainWindow.requestFocus();
            history.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(detailsWindows()).containsExactly(first);
    }

    @Test
    void inTheMissedCallsADoubleClickOrAltEnterOpensTheCallAndEnterStillCallsBack(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.M).release(KeyCode.M, KeyCode.CONTROL);
        TableView<CallListItem> list = loaded(robot, "#missed-table", 1);

        robot.doubleClickOn(row(robot, "#missed-table", missed));
        await().atMost(PATIENCE).until(() -> detailsWindows().size() == 1);
        robot.interact(() -> windows.closeAll());

        robot.interact(() -> {
            list.requestFocus();
            list.getSelectionModel().select(0);
        });
        robot.press(KeyCode.ALT, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.ALT);
        Stage details = await().atMost(PATIENCE).until(CallDetailsFxTest::detailsWindows, w -> w.size() == 1)
                .getFirst();
        await().atMost(PATIENCE).until(() -> details.getScene().lookup("#details-offers") != null);
        assertThat(((Label) details.getScene().lookup("#details-caller")).getText())
                .isEqualTo("Автодом Волга · ООО «Волга-Авто»");
        robot.interact(() -> windows.closeAll());

        robot.interact(() -> {
            mainWindow.requestFocus();
            list.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        await().atMost(PATIENCE).until(() -> !dialled.isEmpty());
        assertThat(dialled).containsExactly("+79271390907");
        assertThat(detailsWindows()).isEmpty();
    }

    @Test
    void whenTheServerIsAwayTheDetailsSaySoAndTryAgainLoadsThem(FxRobot robot) {
        loaded(robot, "#history-table", 2);
        server.goAway();
        try {
            robot.doubleClickOn(row(robot, "#history-table", transferred));
            Stage details = await().atMost(PATIENCE).until(CallDetailsFxTest::detailsWindows, w -> w.size() == 1)
                    .getFirst();
            Label problem = (Label) details.getScene().lookup("#details-problem");
            await().atMost(PATIENCE).until(problem::isVisible);
            assertThat(problem.getText()).startsWith("The server cannot be reached");
            assertThat(((Label) details.getScene().lookup("#details-caller")).getText())
                    .as("what the list knew is there").isEqualTo("Автодом Волга · ООО «Волга-Авто»");
            assertThat(details.getScene().lookup(".details-card")).isNull();
        } finally {
            server.comeBack();
        }

        robot.clickOn((Button) detailsWindows().getFirst().getScene().lookup("#details-retry"));

        Stage details = awaitDetails();
        assertThat(details.getScene().lookup("#details-problem").isVisible()).isFalse();
        assertThat(labels(details, ".details-offer-operator")).hasSize(2);
    }

    @Test
    void aCallTheServerDoesNotKnowIsNotFoundNotAFailure() {
        ServerCallHistory history = new ServerCallHistory(sessions, background);

        assertThat(history.call("no-such-call")).failsWithin(PATIENCE)
                .withThrowableThat().havingCause().isInstanceOf(NoSuchCall.class);
        assertThat(history.call(transferred.id())).succeedsWithin(PATIENCE)
                .satisfies(details -> assertThat(details.offers()).hasSize(2));
    }

    @Test
    void theDetailsSpeakRussianToo(FxRobot robot) {
        robot.interact(() -> language.set(Languages.RUSSIAN));
        loaded(robot, "#history-table", 2);

        robot.doubleClickOn(row(robot, "#history-table", transferred));

        Stage details = awaitDetails();
        assertThat(labels(details, ".details-offer-result")).containsExactly("Переведён: 888", "Отвечен");
        assertThat(labels(details, ".details-card-who")).last()
                .isEqualTo("Пётр Петров ещё не завершил эту карточку");
        assertThat(((Button) details.getScene().lookup("#details-close")).getText()).isEqualTo("_Закрыть");
    }

    @Test
    void theNotesColumnShowsWhatWasWrittenOnceSwitchedOn(FxRobot robot) {
        TableView<CallListItem> history = loaded(robot, "#history-table", 2);
        TableColumn<CallListItem, ?> notes = history.getColumns().stream()
                .filter(c -> c.getStyleClass().contains("call-notes")).findFirst().orElseThrow();
        assertThat(notes.isVisible()).as("off at first").isFalse();

        robot.clickOn("#history-notes-toggle");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#history-notes-toggle").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(notes.isVisible()).isTrue();
        assertThat(cells(robot, "call-notes")).containsExactly(
                "Asks about the warranty. Passed on to Petrov. | " + PETROVS_NOTE);
    }

    @Test
    void numbersAndNamesAreNeverCutOff(FxRobot robot) {
        TableView<CallListItem> history = loaded(robot, "#history-table", 2);
        TableColumn<CallListItem, ?> number = history.getColumns().stream()
                .filter(c -> c.getStyleClass().contains("call-number")).findFirst().orElseThrow();
        Text whole = new Text("+7 927 139-09-07");
        whole.setFont(Font.getDefault());

        assertThat(number.getMinWidth()).as("a whole number fits")
                .isGreaterThan(whole.getLayoutBounds().getWidth());
        List<Labeled> callers = robot.lookup("#history-table .call-caller").queryAll().stream()
                .filter(n -> n instanceof TableCell<?, ?> cell && cell.getText() != null)
                .map(Labeled.class::cast).toList();
        assertThat(callers).isNotEmpty().allSatisfy(cell ->
                assertThat(cell.getTooltip().getText()).as("the whole name to read").isEqualTo(cell.getText()));
    }

    private static List<String> cells(FxRobot robot, String styleClass) {
        return robot.lookup("#history-table ." + styleClass).queryAll().stream()
                .filter(node -> node instanceof TableCell<?, ?>)
                .map(node -> ((Labeled) node).getText())
                .filter(text -> text != null && !text.isEmpty())
                .toList();
    }
}
