package dev.zvonok.app.card;

import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Keeps a card that pops up from taking the keyboard: the worst a notes tool can do is put the words of one call on
 * another. Until the operator moves into the card on purpose (a click on it, or {@link CardWindows#ENTER_CARDS}):
 *
 * <ul>
 *   <li>the windowing system is asked not to give it the keyboard ({@link PlatformFocus}), and the keyboard is
 *       handed back to the window the operator was typing in ({@link KeyboardHome});</li>
 *   <li>whatever keys reach it all the same (a window manager that focuses every new window, the instant before the
 *       keyboard is handed back) go on to where the operator was typing, so typing continues there, whole.</li>
 * </ul>
 *
 * <p>FX thread only.
 */
final class CardFocus {

    private final Stage card;
    private final KeyboardHome home;
    private final Runnable firstField;
    private boolean chosen;

    /**
     * @param firstField moves the card's own focus to where typing starts (the notes), once the card is chosen
     */
    CardFocus(Stage card, Scene scene, KeyboardHome home, Runnable firstField) {
        this.card = card;
        this.home = home;
        this.firstField = firstField;
        scene.addEventFilter(KeyEvent.ANY, this::keyBeforeChosen);
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, click -> choose());
    }

    /** The operator moved into this card (until then, it has not got the keyboard). */
    boolean chosen() {
        return chosen;
    }

    /**
     * The card's window was just shown: it must not keep the keyboard.
     *
     * @param typingIn the window of the app the operator was typing in before it showed, if any
     */
    void shown(Window typingIn) {
        if (chosen) {
            return;
        }
        PlatformFocus.acceptFocus(card, false);
        if (typingIn != null && typingIn != card && typingIn.isShowing()) {
            typingIn.requestFocus();
        }
    }

    /** The operator moves into the card: it takes the keyboard, typing starts in its notes. */
    void choose() {
        if (!chosen) {
            chosen = true;
            PlatformFocus.acceptFocus(card, true);
        }
        card.requestFocus();
        home.worksIn(card);
        firstField.run();
    }

    private void keyBeforeChosen(KeyEvent key) {
        if (chosen) {
            return;
        }
        home.sendOn(key, card);
    }
}
