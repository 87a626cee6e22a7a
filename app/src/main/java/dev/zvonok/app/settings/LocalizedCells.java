package dev.zvonok.app.settings;

import dev.zvonok.app.i18n.Texts;
import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.util.StringConverter;

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

    /**
     * The same for a box whose values are written by a function of the texts, the empty choice ({@code null}, "all")
     * included: its converter writes the value shown and the list, and writes them again in a new language.
     */
    public static <T> void install(ComboBox<T> box, LiveTexts texts, BiFunction<T, Texts, String> text) {
        StringConverter<T> converter = new StringConverter<>() {
            @Override
            public String toString(T value) {
                return text.apply(value, texts.now());
            }

            @Override
            public T fromString(String string) {
                return null; // never edited
            }
        };
        box.setConverter(converter);
        box.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : converter.toString(item));
            }
        });
        box.setButtonCell(box.getCellFactory().call(null));
        texts.texts().addListener((o, was, now) -> {
            T value = box.getValue();
            box.setConverter(null);
            box.setConverter(converter);
            box.setValue(value);
        });
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
