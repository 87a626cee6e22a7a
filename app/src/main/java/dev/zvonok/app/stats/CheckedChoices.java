package dev.zvonok.app.stats;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.controlsfx.control.CheckComboBox;

/** Keeps a {@link CheckComboBox}'s checks and a view-model's chosen items the same, both ways. */
final class CheckedChoices {

    private CheckedChoices() {
    }

    static <T> void bind(CheckComboBox<T> box, ObservableList<T> choices, ObservableList<T> chosen) {
        boolean[] syncing = {false};
        Runnable fromModel = () -> {
            syncing[0] = true;
            try {
                box.getItems().setAll(choices);
                box.getCheckModel().clearChecks();
                chosen.stream().filter(choices::contains).forEach(box.getCheckModel()::check);
            } finally {
                syncing[0] = false;
            }
        };
        fromModel.run();
        choices.addListener((ListChangeListener<T>) change -> fromModel.run());
        chosen.addListener((ListChangeListener<T>) change -> {
            if (!syncing[0]) {
                fromModel.run();
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
