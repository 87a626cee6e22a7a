package dev.zvonok.app;

import static dev.zvonok.app.RunningApp.PATIENCE;
import static org.awaitility.Awaitility.await;

import dev.zvonok.app.card.CardPhase;
import dev.zvonok.app.card.CardSnapshots;
import dev.zvonok.app.card.CardViewModel;
import dev.zvonok.app.card.CardsPresenter;
import dev.zvonok.model.api.CallListItem;
import dev.zvonok.model.call.Priority;
import dev.zvonok.server.pbx.PlaybackSpeed;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the real app's screens, with what the real server says after recorded calls, into PNGs for the docs:
 * {@code login}, {@code main} (the history after a short shift), {@code card-ringing}, {@code card-active},
 * {@code card-ended}, {@code call-details} (the transferred call of the shift, opened from the history), each
 * {@code -en} and {@code -ru}.
 *
 * <p>Not a test of its own (no assertions beyond the flows it walks through) and not in the default run (its name
 * matches none of surefire's patterns): {@code ./mvnw -B -pl app -am -Pscreenshots -DskipTests verify} writes
 * {@code docs/screenshots/}; run with {@code -Dtest=Screenshots} it writes {@code app/target/screenshots/} instead.
 */
class Screenshots extends EndToEndTest {

    private static final Path FOLDER = Path.of(System.getProperty("zvonok.screenshots.dir", "target/screenshots"));

    /** The calls of a short shift before the one on the cards, in order, with how many calls each trace holds. */
    private static final List<String> EARLIER_CALLS = List.of(
            "02-inbound-no-answer",
            "03-inbound-busy-rejected",
            "04-inbound-caller-abandons-ringing",
            "09-click-to-call-originate",
            "12-inbound-hold-resume",
            "07-inbound-blind-transfer-777-to-888",
            "06-inbound-ringgroup-777-answers",
            "11-two-overlapping-inbound");

    private static final Map<String, Integer> CALLS_IN = Map.of("11-two-overlapping-inbound", 2);

    /** What the operator wrote on each answered call, oldest first, per language. */
    private static final Map<String, List<String>> NOTES = Map.of(
            "en", List.of(
                    "Called back about the missed call: the service appointment is confirmed for Friday.",
                    "Wants the invoice for the March order; checked the warehouse while on hold.",
                    "Warranty question: passed on to Пётр Петров.",
                    "Spare parts delivery is late; promised to call back tomorrow morning.",
                    "Wants a price list for servicing their fleet."),
            "ru", List.of(
                    "Перезвонил по пропущенному: запись на сервис в пятницу подтверждена.",
                    "Нужен счёт по мартовскому заказу; на удержании уточнял на складе.",
                    "Вопрос по гарантии: передал Петру Петрову.",
                    "Задерживается поставка запчастей, обещал перезвонить завтра утром.",
                    "Нужен прайс на обслуживание автопарка."));

    /** As recorded: the history's durations are the real ones of the recordings, not a tenth of them. */
    @Override
    PlaybackSpeed speed() {
        return PlaybackSpeed.realTime();
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "ru"})
    void everyScreen(String language) throws Exception {
        Locale locale = Locale.forLanguageTag(language);
        RunningApp.settings(dataDir, server.address(), locale);
        app = RunningApp.launch(robot, RunningApp.arguments(server.address(), dataDir));

        // the login form as an operator fills it in
        Stage window = app.window();
        await().atMost(PATIENCE).until(() -> app.node(window, "#login-login").isPresent());
        robot.interact(() -> {
            input(window, "#login-server").setText("http://pbx-crm.local:3771");
            input(window, "#login-login").setText("ivanov");
            input(window, "#login-password").setText(EndToEndServer.PASSWORD);
            input(window, "#login-password").requestFocus();
        });
        robot.interact(() -> input(window, "#login-password").end()); // the caret after the dots, nothing selected
        shoot(window.getScene(), "login-" + language);
        robot.interact(() -> input(window, "#login-server").setText(server.address().toString()));
        robot.clickOn(app.node(window, "#login-submit").orElseThrow());
        String connected = language.equals("ru") ? "Подключено" : "Connected";
        app.awaitMainWindow("Иван Иванов", connected);

        // a short shift: missed, busy and abandoned rings close by themselves, answered ones are written up
        List<String> notes = NOTES.get(language);
        int written = 0;
        int ended = 0;
        for (String trace : EARLIER_CALLS) {
            ended += CALLS_IN.getOrDefault(trace, 1);
            server.play(trace, CALLS_IN.getOrDefault(trace, 1));
            server.awaitEndedCalls(ended);
            await().atMost(PATIENCE).until(() -> RunningApp.onFx(() -> cards().cards().stream()
                    .allMatch(card -> card.phase() == CardPhase.ENDED)));
            boolean last = trace.equals(EARLIER_CALLS.getLast());
            for (CardViewModel card : RunningApp.onFx(() -> List.copyOf(cards().cards()))) {
                String text = notes.get(written++ % notes.size());
                robot.interact(() -> card.notes().notesProperty().set(text));
                if (!last) {
                    robot.interact(card::finish);
                }
            }
            if (!last) {
                app.awaitNoCard(); // the last ones wait for "Finish": they are the panel's rows below
            }
        }

        // the call on the cards: Автодом Волга again
        TraceSteps call = server.call(EndToEndServer.DIRECT_CALL).next();
        Stage card = app.awaitCard();
        await().atMost(PATIENCE).until(() -> !RunningApp.onFx(() -> cards().cards().getLast().history().isEmpty()));
        shoot(card.getScene(), "card-ringing-" + language);

        call.next();
        String active = language.equals("ru") ? "Разговор активен" : "Conversation active";
        await().atMost(PATIENCE).until(() -> active.equals(app.text(card, "#card-status")));
        CardViewModel showcase = RunningApp.onFx(() -> cards().cards().getLast()); // the newest: the others wait
        boolean russian = language.equals("ru");
        robot.interact(() -> {
            showcase.notes().notesProperty().set(russian
                    ? "Спрашивает про гарантию на КПП.\nПерезвонить после 15:00."
                    : "Asks about the warranty on the gearbox.\nCall back after 15:00.");
            showcase.notes().addTag(russian ? "гарантия" : "warranty");
            showcase.notes().addTag(russian ? "перезвонить" : "call back");
            showcase.notes().priorityProperty().set(Priority.HIGH);
            showcase.notes().clientNameProperty().set(russian ? "Сергей" : "Sergey");
        });
        String saved = russian ? "Сохранено ✓" : "Saved ✓";
        await().atMost(PATIENCE).until(() -> saved.equals(app.text(card, "#card-save-status")));
        await().atMost(PATIENCE).until(() -> app.text(card, "#card-elapsed").compareTo("00:05") >= 0);
        shoot(card.getScene(), "card-active-" + language);
        shoot(app.panel().orElseThrow().getScene(), "card-panel-" + language);

        call.next();
        String over = russian ? "Звонок завершен" : "Call ended";
        await().atMost(PATIENCE).until(() -> over.equals(app.text(card, "#card-status")));
        shoot(card.getScene(), "card-ended-" + language);

        robot.interact(() -> cards().cards().forEach(CardViewModel::finish));
        app.awaitNoCard();
        int rows = ended + 1;
        await().atMost(PATIENCE).until(() -> app.column("#history-table", "call-time").size() >= Math.min(rows, 9));
        shoot(window.getScene(), "main-" + language);

        // the blind transfer from 777 to 888, opened from the history: every operator's part and card
        TableView<CallListItem> history = RunningApp.onFx(() -> (TableView<CallListItem>) window.getScene()
                .lookup("#history-table"));
        String transferredId = server.calls("ivanov").data().stream()
                .filter(c -> !server.call("ivanov", c.id()).transfers().isEmpty())
                .map(CallListItem::id).findFirst().orElseThrow();
        CallListItem transferred = RunningApp.onFx(() -> history.getItems().stream()
                .filter(c -> c.id().equals(transferredId)).findFirst().orElseThrow());
        robot.interact(() -> {
            history.requestFocus();
            history.getSelectionModel().select(transferred);
        });
        robot.type(KeyCode.ENTER);
        await().atMost(PATIENCE).until(() -> RunningApp.onFx(() -> Window.getWindows().stream()
                .anyMatch(w -> w.getScene() != null && w.getScene().lookup(".details-card") != null)));
        Scene details = RunningApp.onFx(() -> Window.getWindows().stream()
                .filter(w -> w.getScene() != null && w.getScene().lookup(".details-card") != null)
                .findFirst().orElseThrow().getScene());
        shoot(details, "call-details-" + language);
    }

    private CardsPresenter cards() {
        return app.app().operator().orElseThrow().cards();
    }

    private static TextInputControl input(Stage window, String selector) {
        return (TextInputControl) window.getScene().getRoot().lookup(selector);
    }

    /**
     * Waits until the window has stopped changing its size (a card window follows its content a pulse later), then
     * renders its scene.
     */
    private static void shoot(Scene scene, String name) throws Exception {
        double[] last = {-1, -1};
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).until(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            double width = RunningApp.onFx(() -> scene.getWindow().getWidth());
            double height = RunningApp.onFx(() -> scene.getWindow().getHeight());
            boolean still = width == last[0] && height == last[1];
            last[0] = width;
            last[1] = height;
            return still;
        });
        BufferedImage picture = RunningApp.onFx(() -> CardSnapshots.capture(scene));
        CardSnapshots.writePng(picture, FOLDER.resolve(name + ".png"));
    }
}
