package dev.zvonok.app.fx;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.controlsfx.control.CheckComboBox;

/**
 * Keeps a ControlsFX {@link CheckComboBox} and a view-model's lists in step: the choices are its items, the chosen
 * ones its checks, whichever side changes. A chosen item that is not (or no longer) among the choices is not checked.
 */
public final class CheckedItems {

    private CheckedItems() {
    }

    public static <T> void bind(CheckComboBox<T> box, ObservableList<T> choices, ObservableList<T> chosen) {
        boolean[] syncing = {false};
        Runnable checkChosen = () -> {
            syncing[0] = true;
            try {
                box.getCheckModel().clearChecks();
                chosen.stream().filter(choices::contains).forEach(box.getCheckModel()::check);
            } finally {
                syncing[0] = false;
            }
        };
        box.getItems().setAll(choices);
        checkChosen.run();
        choices.addListener((ListChangeListener<T>) change -> {
            box.getItems().setAll(choices);
            checkChosen.run();
        });
        chosen.addListener((ListChangeListener<T>) change -> {
            if (!syncing[0]) {
                checkChosen.run();
            }
        });
        box.getCheckModel().getCheckedItems().addListener((ListChangeListener<T>) change -> {
            if (!syncing[0]) {
                syncing[0] = true;
                try {
                    chosen.setAll(List.copyOf(box.getCheckModel().getCheckedItems()));
                } finally {
                    syncing[0] = false;
                }
            }
        });
    }
}
