package dev.zvonok.app;

import static dev.zvonok.app.RunningApp.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zvonok.model.api.CallDetails;
import dev.zvonok.model.api.CallListItem;
import dev.zvonok.model.api.OfferView;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A card that pops up never takes the keyboard: what the operator is typing — in the main window or in another
 * card — stays where it was going, and the words of one call never land on another. The operator moves into a card
 * on purpose, with a click or F6.
 *
 * <p>Typing here is key presses through the platform (the headless platform routes them to the window that has the
 * keyboard, as a display does), never TestFX's {@code write}, which puts characters into a window of its choosing.
 */
class CardFocusFlowsTest extends EndToEndTest {

    /** 89161234501 calls 777 directly (Asterisk 22, chan_pjsip); 777 answers; the caller hangs up. */
    private static final String ANOTHER_DIRECT_CALL = "pjsip/01-pjsip-direct-answered-caller-hangup";

    @Test
    void typingInTheMainWindowGoesOnWhileACardPopsUp() throws Exception {
        launchAndLogIn("ivanov", "Иван Иванов");
        robot.clickOn(app.node(app.window(), "#history-search").orElseThrow());
        typeKeys("8927");
        AtomicInteger keyboardLost = new AtomicInteger();
        robot.interact(() -> app.window().focusedProperty().addListener((property, was, focused) -> {
            if (!focused) {
                keyboardLost.incrementAndGet();
            }
        }));

        server.call(EndToEndServer.DIRECT_CALL).next(); // 777 rings
        Stage card = app.awaitCard();
        typeKeys("1390907");

        assertThat(app.text(app.window(), "#history-search")).isEqualTo("89271390907");
        assertThat(app.text(card, "#card-notes")).as("nothing reached the new card").isEmpty();
        // the card was shown unable to take the keyboard, not handed it and made to give it back
        assertThat(keyboardLost).as("times the main window lost the keyboard").hasValue(0);
        assertThat(WaitForAsyncUtils.asyncFx(card::isFocused).get()).as("the card has the keyboard").isFalse();
    }

    @Test
    void notesTypedInOneCardNeverReachTheCardOfTheNextCall() throws Exception {
        launchAndLogIn("ivanov", "Иван Иванов");
        TraceSteps first = server.call(EndToEndServer.DIRECT_CALL);
        first.next().next().next(); // rings, answered, the caller hangs up: "Call ended", waiting for Finish
        Stage firstCard = app.awaitCard();
        await().atMost(PATIENCE).until(() -> "Call ended".equals(app.text(firstCard, "#card-status")));
        robot.clickOn(app.node(firstCard, "#card-notes").orElseThrow());
        typeKeys("asked for ");

        server.call(ANOTHER_DIRECT_CALL).next(); // the next call rings meanwhile: a row, the open card stays
        await().atMost(PATIENCE).until(() -> app.panelRows().size() == 1);
        typeKeys("a call back");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);

        await().atMost(PATIENCE).until(() -> app.cards().size() == 1 && app.cards().getFirst() != firstCard);
        Stage secondCard = app.cards().getFirst();
        assertThat(app.panelRows()).as("the ringing call opened once the first was finished").isEmpty();
        assertThat(app.text(secondCard, "#card-notes")).as("the new call's notes").isEmpty();
        CallListItem finished = server.calls("ivanov").data().stream()
                .filter(call -> "+79271390907".equals(call.callerNumber())).findFirst().orElseThrow();
        await().atMost(PATIENCE).untilAsserted(() -> {
            OfferView ivanovs = server.call("ivanov", finished.id()).offers().getFirst();
            assertThat(ivanovs.notes().notes()).isEqualTo("asked for a call back");
            assertThat(ivanovs.finishedAt()).as("the first call was the one finished").isNotNull();
        });
    }

    @Test
    void theOperatorMovesIntoTheNewestCardWithF6() throws Exception {
        launchAndLogIn("ivanov", "Иван Иванов");
        robot.clickOn(app.node(app.window(), "#history-search").orElseThrow());

        server.call(EndToEndServer.DIRECT_CALL).next();
        Stage card = app.awaitCard();
        robot.type(KeyCode.F6);
        typeKeys("needs the price list");

        assertThat(app.text(card, "#card-notes")).isEqualTo("needs the price list");
        assertThat(app.text(app.window(), "#history-search")).isEmpty();
    }

    /** Lower-case letters, digits and spaces, pressed one by one on the keyboard. */
    private void typeKeys(String text) {
        for (char c : text.toCharArray()) {
            KeyCode key = c == ' ' ? KeyCode.SPACE
                    : Character.isDigit(c) ? KeyCode.valueOf("DIGIT" + c)
                    : KeyCode.valueOf(String.valueOf(Character.toUpperCase(c)));
            robot.type(key);
        }
    }
}
