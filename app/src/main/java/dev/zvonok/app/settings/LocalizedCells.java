package dev.zvonok.app.settings;

import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;

/**
 * Combo box cells whose text is bound, not set: in a new language the choice shown and the open list change too,
 * with no reload.
 */
public final class LocalizedCells {

    private LocalizedCells() {
    }

    public static <T> void install(ComboBox<T> box, Function<T, ObservableValue<String>> text) {
        box.setButtonCell(cell(text));
        box.setCellFactory(list -> cell(text));
    }

    private static <T> ListCell<T> cell(Function<T, ObservableValue<String>> text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                textProperty().unbind();
                if (empty || item == null) {
                    setText(null);
                } else {
                    textProperty().bind(text.apply(item));
                }
            }
        };
    }
}
