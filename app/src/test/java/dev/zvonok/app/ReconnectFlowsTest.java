package dev.zvonok.app;

import static dev.zvonok.app.RunningApp.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zvonok.app.settings.Languages;
import dev.zvonok.model.api.OfferView;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;

/**
 * The network's bad days with a card on the screen: the app keeps the card, shows that it reconnects, keeps what the
 * operator types meanwhile, and once back, the card stands as the server has it (from {@code active-calls}) and the
 * notes reach the server.
 */
class ReconnectFlowsTest extends EndToEndTest {

    @Test
    void aCallThatEndsWhileTheAppIsCutOffIsRestoredAndTheNotesTypedOfflineArriveAfterTheReconnect() throws Exception {
        launchLoggedIn("ivanov", Languages.ENGLISH, "Иван Иванов", "Connected");
        TraceSteps call = server.call(EndToEndServer.DIRECT_CALL).next();
        Stage card = app.awaitCard();
        call.next();
        await().atMost(PATIENCE).until(() -> "Conversation active".equals(app.text(card, "#card-status")));

        server.cutTheNetwork();
        // the state goes between "Reconnecting in N s" and short dials ("Connecting…") while the server is away
        await().atMost(PATIENCE).until(() -> app.text(app.window(), "#main-connection").startsWith("Reconnecting")
                && app.node(app.window(), "#main-reconnect").orElseThrow().isVisible());
        robot.clickOn(app.node(card, "#card-notes").orElseThrow()).write("Typed while offline");
        call.next(); // the caller hangs up while the app cannot hear it
        server.awaitEndedCalls(1);
        assertThat(app.text(card, "#card-status")).as("nothing heard yet").isEqualTo("Conversation active");

        server.restoreTheNetwork();
        Button reconnectNow = (Button) app.node(app.window(), "#main-reconnect").orElseThrow();
        await().atMost(PATIENCE).until(() -> RunningApp.onFx(reconnectNow::isVisible));
        // fired where it is checked: the app may have dialled again on its own since (then the button is gone)
        robot.interact(() -> {
            if (reconnectNow.isVisible()) {
                reconnectNow.fire();
            }
        });
        await().atMost(PATIENCE).until(() -> "Connected".equals(app.text(app.window(), "#main-connection")));

        await().atMost(PATIENCE).until(() -> "Call ended".equals(app.text(card, "#card-status")));
        assertThat(app.cards()).as("the same card, restored from active-calls").containsExactly(card);
        assertThat(app.text(card, "#card-notes")).isEqualTo("Typed while offline");
        String callId = server.calls("ivanov").data().getFirst().id();
        await().atMost(PATIENCE).until(() -> "Typed while offline".equals(notesOf(callId)));
        await().atMost(PATIENCE).until(() -> "Saved ✓".equals(app.text(card, "#card-save-status")));

        robot.clickOn(app.node(card, "#card-notes").orElseThrow());
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        app.awaitNoCard();
        await().atMost(PATIENCE).until(() -> ivanovsPart(callId).finishedAt() != null);
    }

    @Test
    void aCardWaitingForFinishOutlivesAServerRestart() throws Exception {
        launchLoggedIn("ivanov", Languages.ENGLISH, "Иван Иванов", "Connected");
        TraceSteps call = server.call(EndToEndServer.DIRECT_CALL).next();
        Stage card = app.awaitCard();
        call.rest();
        await().atMost(PATIENCE).until(() -> "Call ended".equals(app.text(card, "#card-status")));
        server.awaitEndedCalls(1);

        List<String> connection = recordTexts(app.window(), "#main-connection");
        server.restart();

        // by itself this time: the first retry comes within a second
        await().atMost(PATIENCE).until(() -> connection.size() > 1 && "Connected".equals(connection.getLast()));
        assertThat(connection).as("lost, then back").first().isEqualTo("Connected");
        assertThat(connection.subList(1, connection.size() - 1)).isNotEmpty()
                .noneMatch("Connected"::equals);
        assertThat(app.cards()).containsExactly(card);
        assertThat(app.text(card, "#card-status")).isEqualTo("Call ended");
        robot.clickOn(app.node(card, "#card-notes").orElseThrow()).write("After the restart");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        app.awaitNoCard();
        String callId = server.calls("ivanov").data().getFirst().id();
        await().atMost(PATIENCE).until(() -> ivanovsPart(callId).finishedAt() != null);
        assertThat(notesOf(callId)).isEqualTo("After the restart");
    }

    private String notesOf(String callId) {
        OfferView part = ivanovsPart(callId);
        return part.notes() == null ? "" : part.notes().notes();
    }

    private OfferView ivanovsPart(String callId) {
        return server.call("ivanov", callId).offers().stream().filter(o -> "777".equals(o.extension()))
                .findFirst().orElseThrow();
    }
}
