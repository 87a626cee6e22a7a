package dev.zvonok.app;

import static org.awaitility.Awaitility.await;

import dev.zvonok.app.board.BoardLine;
import dev.zvonok.app.board.OperatorRow;
import dev.zvonok.app.card.CardPhase;
import dev.zvonok.app.card.CardSnapshots;
import dev.zvonok.app.card.CardViewModel;
import dev.zvonok.model.board.OperatorState;
import dev.zvonok.server.pbx.PlaybackSpeed;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the Supervisor board of the real app, with what the real server says after recorded calls, into
 * {@code supervisor-en.png} and {@code supervisor-ru.png}: three operators' apps connected beside the supervisor's,
 * a missed call, a queue call answered by Petrov (his card still open, with notes), Sidorov at lunch and Ivanov
 * talking; Petrov clicked, so the pane under the board shows his call and today's calls.
 *
 * <p>Like the app's other screenshots, not in the default run (its name matches none of surefire's patterns): the
 * {@code screenshots} profile writes {@code docs/screenshots/}; {@code -Dtest=SupervisorScreenshots} writes
 * {@code app/target/screenshots/}.
 */
class SupervisorScreenshots extends EndToEndTest {

    private static final Path FOLDER = Path.of(System.getProperty("zvonok.screenshots.dir", "target/screenshots"));
    private static final Duration PATIENCE = RunningApp.PATIENCE;

    /** As recorded: the counters and today's calls show the recordings' real durations, not a tenth of them. */
    @Override
    PlaybackSpeed speed() {
        return PlaybackSpeed.realTime();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "ru"})
    void theBoard(String language) throws Exception {
        boolean russian = language.equals("ru");
        RunningApp app = launchLoggedIn("supervisor", Locale.forLanguageTag(language),
                SupervisorBoardFlowsTest.SUPERVISOR, russian ? "Подключено" : "Connected");
        Stage window = app.window();
        try (OperatorDesk ivanov = OperatorDesk.open(server.address(), dataDir.resolve("ivanov"), "ivanov");
             OperatorDesk petrov = OperatorDesk.open(server.address(), dataDir.resolve("petrov"), "petrov");
             OperatorDesk sidorov = OperatorDesk.open(server.address(), dataDir.resolve("sidorov"), "sidorov")) {
            await().atMost(PATIENCE).until(() -> RunningApp.onFx(() ->
                    sidorov.session().main().workStatus().statusProperty().get() != null));

            server.play("02-inbound-no-answer", 1); // 777 does not answer: a missed call
            server.play(SupervisorBoardFlowsTest.QUEUE_CALL, 1); // the queue's caller, answered by 888
            await().atMost(PATIENCE).until(() -> RunningApp.onFx(() -> petrov.session().cards().cards().stream()
                    .anyMatch(card -> card.phase() == CardPhase.ENDED)));
            CardViewModel petrovsCard = RunningApp.onFx(() -> petrov.session().cards().cards().getLast());
            robot.interact(() -> petrovsCard.notes().notesProperty().set(russian
                    ? "Хочет перенести ТО на субботу; перезвонить до 17:00."
                    : "Wants to move the service to Saturday; call back before 17:00."));
            robot.interact(() -> sidorov.session().main().workStatus().takeBreak("lunch"));
            // the cards of the missed call close by themselves; Ivanov's next call rings and is answered
            TraceSteps call = server.call(EndToEndServer.DIRECT_CALL).next();
            call.next();

            SupervisorBoardFlowsTest.awaitState(app, "Иван Иванов", OperatorState.TALKING);
            SupervisorBoardFlowsTest.awaitState(app, "Пётр Петров", OperatorState.WRAPUP);
            SupervisorBoardFlowsTest.awaitState(app, "Сидор Сидоров", OperatorState.BREAK);
            robot.interact(() -> {
                window.setWidth(1360);
                window.setHeight(820);
                window.toFront();
            });
            // Petrov's card saves his notes on the server (its outbox); then the supervisor chooses him
            await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> server.calls("petrov").data()
                    .stream().anyMatch(listed -> listed.notes() != null && !listed.notes().isBlank()));
            robot.interact(() -> {
                TableView<BoardLine> board = SupervisorBoardFlowsTest.board(app);
                board.getItems().stream().filter(line -> line instanceof OperatorRow row
                        && row.name().equals("Пётр Петров")).findFirst().ifPresent(board.getSelectionModel()::select);
                app.app().operator().orElseThrow().main().boardDetails().refresh();
            });
            await().atMost(PATIENCE).until(() ->
                    SupervisorBoardFlowsTest.texts(app, "#board-details-current .label").size() == 2);
            // a few seconds on the clock of each state, as on a live board
            // (the row is kept from pass to pass and its time moves in place: remember the time, not the row)
            Duration talkingSince = SupervisorBoardFlowsTest.row(app, "Иван Иванов").orElseThrow().timeInState();
            await().atMost(PATIENCE).until(() -> SupervisorBoardFlowsTest.row(app, "Иван Иванов").orElseThrow()
                    .timeInState().compareTo(talkingSince.plusSeconds(2)) >= 0);
            shoot(window, "supervisor-" + language);
            call.rest();
        }
    }

    private static void shoot(Stage window, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        BufferedImage picture = RunningApp.onFx(() -> CardSnapshots.capture(window.getScene()));
        CardSnapshots.writePng(picture, FOLDER.resolve(name + ".png"));
    }
}
