package dev.zvonok.app.admin;

import dev.zvonok.app.settings.LiveTexts;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;

/** A {@link Message} put in words in the chosen language, following both. */
final class MessageText {

    private MessageText() {
    }

    static StringBinding of(LiveTexts texts, ObservableValue<Message> message) {
        return texts.text(t -> {
            Message m = message.getValue();
            return m == null ? "" : t.format(m.key(), m.args().toArray());
        }, message);
    }
}
