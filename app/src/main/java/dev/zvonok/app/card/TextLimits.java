package dev.zvonok.app.card;

import dev.zvonok.model.call.CallNotesRules;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/** Small helpers for the card's text inputs. */
final class TextLimits {

    private TextLimits() {
    }

    /**
     * Refuses typing or pasting past {@code max} characters, counted as the server counts them (an emoji is one): the
     * server would refuse the whole save.
     */
    static void cap(TextInputControl input, int max) {
        input.setTextFormatter(new TextFormatter<String>(change ->
                CallNotesRules.fits(change.getControlNewText(), max) ? change : null));
    }

    /**
     * Tab leaves a text area instead of typing a tab, as in every other field of the card (Ctrl+Tab, which the text
     * area already treats so, is what we turn it into).
     */
    static void tabMovesFocus(TextInputControl area) {
        area.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.TAB && !event.isControlDown()) {
                event.consume();
                area.fireEvent(new KeyEvent(event.getSource(), event.getTarget(), event.getEventType(),
                        event.getCharacter(), event.getText(), event.getCode(), event.isShiftDown(), true,
                        event.isAltDown(), event.isMetaDown()));
            }
        });
    }
}
