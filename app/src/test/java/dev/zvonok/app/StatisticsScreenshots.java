package dev.zvonok.app;

import static org.awaitility.Awaitility.await;

import dev.zvonok.app.card.CardSnapshots;
import dev.zvonok.server.pbx.PlaybackSpeed;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;
import dev.zvonok.model.board.BoardOperator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the Statistics window of the real app, with what the real server counted of recorded calls, into
 * {@code statistics-en.png} / {@code statistics-ru.png} (tiles, charts), {@code statistics-tables-en.png} /
 * {@code statistics-tables-ru.png} (the operators' and the lines' tables) and {@code callbacks-en.png} /
 * {@code callbacks-ru.png} (the numbers to call back, one given to an operator): the dealer's calls answered directly, through the queue, by the
 * ring group and after a transfer, then two that nobody answered and one the dealer gave up on.
 *
 * <p>Not in the default run: the {@code screenshots} profile writes {@code docs/screenshots/};
 * {@code -Dtest=StatisticsScreenshots} writes {@code app/target/screenshots/}.
 */
class StatisticsScreenshots extends EndToEndTest {

    private static final Path FOLDER = Path.of(System.getProperty("zvonok.screenshots.dir", "target/screenshots"));

    /** As recorded: the talk times and the speed of answer are the recordings' own. */
    @Override
    PlaybackSpeed speed() {
        return PlaybackSpeed.realTime();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "ru"})
    void theStatisticsAndTheCallBackList(String language) throws Exception {
        boolean russian = language.equals("ru");
        RunningApp app = launchLoggedIn("supervisor", Locale.forLanguageTag(language),
                SupervisorBoardFlowsTest.SUPERVISOR, russian ? "Подключено" : "Connected");
        // answered first, the missed ones last: the dealer's number is still to be called back
        server.play(EndToEndServer.DIRECT_CALL, 1);
        server.play(SupervisorBoardFlowsTest.QUEUE_CALL, 1);
        server.play(EndToEndServer.RING_GROUP, 1);
        server.play("07-inbound-blind-transfer-777-to-888", 1);
        server.play(StatisticsFlowsTest.NO_ANSWER, 1);
        server.play("04-inbound-caller-abandons-ringing", 1);
        server.awaitEndedCalls(6);

        robot.interact(() -> app.window().toFront());
        robot.clickOn(app.node(app.window(), "#board-statistics").orElseThrow());
        Stage stats = await().atMost(RunningApp.PATIENCE).until(StatisticsFlowsTest::statisticsWindow,
                java.util.Optional::isPresent).orElseThrow();
        robot.interact(() -> {
            stats.setWidth(1360);
            stats.setHeight(900);
            stats.centerOnScreen();
            stats.toFront();
        });
        await().atMost(RunningApp.PATIENCE).until(() -> "6".equals(app.text(stats, "#kpi-inbound"))
                && !StatisticsFlowsTest.operatorNames(stats).isEmpty());
        shoot(stats, "statistics-" + language);
        // below the charts: the operators' and the lines' tables
        await().atMost(RunningApp.PATIENCE).until(() -> !CallbackAssignmentFlowsTest.lines(stats).isEmpty());
        robot.interact(() -> ((ScrollPane) stats.getScene().lookup("#stats-scroll")).setVvalue(1));
        shoot(stats, "statistics-tables-" + language);

        // the dealer's number, given to Петров to call back
        long petrov = server.board("supervisor").operators().stream()
                .filter(o -> o.name().equals("Пётр Петров")).mapToLong(BoardOperator::userId).findFirst()
                .orElseThrow();
        server.assign("supervisor", server.callbacks("supervisor").items().getFirst().lastCallId(), petrov);
        robot.interact(() -> ((TabPane) stats.getScene().lookup("#stats-tabs")).getSelectionModel().select(2));
        await().atMost(RunningApp.PATIENCE).until(() -> StatisticsFlowsTest.callbacks(stats).size() == 1
                && StatisticsFlowsTest.callbacks(stats).getFirst().assignedToName() != null);
        robot.interact(() -> stats.setHeight(420));
        shoot(stats, "callbacks-" + language);
    }

    private static void shoot(Stage window, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        BufferedImage picture = RunningApp.onFx(() -> CardSnapshots.capture(window.getScene()));
        CardSnapshots.writePng(picture, FOLDER.resolve(name + ".png"));
    }
}
