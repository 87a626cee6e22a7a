package dev.zvonok.app;

import static dev.zvonok.app.RunningApp.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zvonok.app.settings.Languages;
import dev.zvonok.model.api.CallDetails;
import dev.zvonok.model.api.CallListItem;
import dev.zvonok.model.api.OfferView;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The whole app against the whole server: the operator logs in, the desk phone rings (a recorded Asterisk call, played
 * a phase at a time), the card pops up, goes active, ends, takes the notes and closes, and the call is in the history
 * and on the server.
 */
class CallCardFlowsTest extends EndToEndTest {

    @Test
    void aDirectCallFromRingToFinishAndCloseEndsInTheHistoryWithItsNotesOnTheServer() throws Exception {
        launchAndLogIn("ivanov", "Иван Иванов");

        TraceSteps call = server.call(EndToEndServer.DIRECT_CALL).next(); // 777 rings
        Stage card = app.awaitCard();
        await().atMost(PATIENCE).until(() -> "Автодом Волга".equals(app.text(card, "#card-title")));
        assertThat(app.text(card, "#card-status")).isEqualTo("Pick up the handset");
        assertThat(app.text(card, "#card-caller-detail")).isEqualTo("Dealer · ООО «Волга-Авто»");
        assertThat(card.isAlwaysOnTop()).isTrue();

        List<String> timer = recordTexts(card, "#card-elapsed");
        call.next(); // off-hook
        await().atMost(PATIENCE).until(() -> "Conversation active".equals(app.text(card, "#card-status")));
        await().atMost(PATIENCE).until(() -> timer.stream().filter(t -> !t.isEmpty()).distinct().count() >= 2);
        assertThat(timer.stream().filter(t -> !t.isEmpty()).toList()).as("the timer runs").isSorted();

        call.next(); // the caller hangs up
        await().atMost(PATIENCE).until(() -> "Call ended".equals(app.text(card, "#card-status")));
        await().during(Duration.ofSeconds(3)).atMost(PATIENCE).until(() -> app.cards().equals(List.of(card)));
        assertThat(app.text(card, "#card-status")).as("it waits for Finish and close").isEqualTo("Call ended");
        await().atMost(PATIENCE).until(() -> app.column("#history-table", "call-disposition")
                .equals(List.of("Answered"))); // in the history as ended already, before it is finished

        robot.clickOn(app.node(card, "#card-notes").orElseThrow()).write("Wants a quote for the warranty");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        app.awaitNoCard();

        await().atMost(PATIENCE).until(() -> app.column("#history-table", "call-caller").size() == 1);
        assertThat(app.column("#history-table", "call-caller"))
                .containsExactly("Автодом Волга · ООО «Волга-Авто»");
        assertThat(app.column("#history-table", "call-disposition")).containsExactly("Answered");

        CallListItem recorded = server.calls("ivanov").data().getFirst();
        await().atMost(PATIENCE).untilAsserted(() -> {
            CallDetails details = server.call("ivanov", recorded.id());
            OfferView ivanovs = details.offers().stream().filter(o -> "777".equals(o.extension())).findFirst()
                    .orElseThrow();
            assertThat(ivanovs.notes().notes()).isEqualTo("Wants a quote for the warranty");
            assertThat(ivanovs.finishedAt()).as("finished").isNotNull();
        });
    }

    @Test
    void inARingGroupTheWinnersCardGoesActive() throws Exception {
        launchAndLogIn("ivanov", "Иван Иванов");

        TraceSteps call = server.call(EndToEndServer.RING_GROUP).next(); // 777 and 888 ring
        Stage card = app.awaitCard();
        await().atMost(PATIENCE).until(() -> "Pick up the handset".equals(app.text(card, "#card-status")));
        assertThat(app.text(card, "#card-line")).as("the ring group's number").isEqualTo("Line +7 495 123-45-00");

        call.next(); // 777 answers
        await().atMost(PATIENCE).until(() -> "Conversation active".equals(app.text(card, "#card-status")));
        call.next(); // 777 hangs up
        await().atMost(PATIENCE).until(() -> "Call ended".equals(app.text(card, "#card-status")));
        assertThat(app.cards()).containsExactly(card);
    }

    @Test
    void inARingGroupTheLosersCardSaysWhoAnsweredAndClosesByItself() throws Exception {
        launchAndLogIn("petrov", "Пётр Петров");

        TraceSteps call = server.call(EndToEndServer.RING_GROUP).next(); // 777 and 888 ring
        Stage card = app.awaitCard();
        await().atMost(PATIENCE).until(() -> "Pick up the handset".equals(app.text(card, "#card-status")));
        assertThat(app.text(card, "#card-title")).isEqualTo("Автодом Волга");
        List<String> status = recordTexts(card, "#card-status");

        call.next(); // 777 answers: 888 stops ringing
        app.awaitNoCard();
        assertThat(status).as("the hint it showed before it closed")
                .containsSubsequence("Pick up the handset", "Answered by Иван Иванов");

        call.rest();
        server.awaitEndedCalls(1);
        await().during(Duration.ofSeconds(2)).atMost(PATIENCE).until(() -> app.cards().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "ru, Подключено, Необходимо взять трубку, Звонок — Иван Иванов",
            "en, Connected, Pick up the handset, Zvonok — Иван Иванов"})
    void theSameRingInTheLanguageOfTheSettings(String language, String connected, String pickUp, String title)
            throws Exception {
        launchLoggedIn("ivanov", Locale.forLanguageTag(language), "Иван Иванов", connected);
        assertThat(RunningApp.onFx(() -> app.window().getTitle())).isEqualTo(title);

        TraceSteps call = server.call(EndToEndServer.DIRECT_CALL).next();
        Stage card = app.awaitCard();
        await().atMost(PATIENCE).until(() -> pickUp.equals(app.text(card, "#card-status")));
        assertThat(app.text(card, "#card-title")).isEqualTo("Автодом Волга");
        call.rest();
    }

    @Test
    void closingTheMainWindowLeavesTheAppTakingCalls() throws Exception {
        launchLoggedIn("ivanov", Languages.ENGLISH, "Иван Иванов", "Connected");

        robot.interact(() -> app.window().fireEvent(
                new WindowEvent(app.window(), WindowEvent.WINDOW_CLOSE_REQUEST)));

        assertThat(RunningApp.onFx(() -> app.window().isShowing() && app.window().isIconified()))
                .as("no tray on a headless machine: minimized, still in the task bar").isTrue();
        server.call(EndToEndServer.DIRECT_CALL).next();
        Stage card = app.awaitCard();
        await().atMost(PATIENCE).until(() -> "Pick up the handset".equals(app.text(card, "#card-status")));
    }
}
