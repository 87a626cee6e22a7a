package dev.zvonok.app.admin;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import javafx.application.Platform;
import javafx.scene.control.TableView;

/**
 * A table whose chosen row goes into the editor beside it, past the unsaved-changes guard: when the admin keeps
 * editing, the row that was chosen is chosen again.
 *
 * @param <T> a row
 */
final class EditorSelection<T> {

    private final TableView<T> table;
    private final UnsavedChanges guard;
    /** Set while the selection follows the editor, not the admin: no guard then. */
    private boolean following;

    /**
     * @param editing what the editor holds now (null for nothing)
     * @param id      a row's id, to tell the row in the editor chosen again from another
     * @param edit    puts a row into the editor
     */
    EditorSelection(TableView<T> table, UnsavedChanges guard, Supplier<T> editing, ToLongFunction<T> id,
                    Consumer<T> edit) {
        this.table = Objects.requireNonNull(table, "table");
        this.guard = Objects.requireNonNull(guard, "guard");
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (following || now == null) {
                return;
            }
            T current = editing.get();
            if (current != null && id.applyAsLong(current) == id.applyAsLong(now)) {
                return;
            }
            if (guard.mayLeave()) {
                edit.accept(now);
            } else {
                // not from inside the selection's own change: the selection model breaks under that
                Platform.runLater(() -> follow(was));
            }
        });
    }

    /** A new row in the editor, if the guard lets the form go: no row of the table is chosen then. */
    void startNew(Runnable create) {
        if (guard.mayLeave()) {
            follow(null);
            create.run();
        }
    }

    private void follow(T row) {
        following = true;
        try {
            if (row == null) {
                table.getSelectionModel().clearSelection();
            } else {
                table.getSelectionModel().select(row);
            }
        } finally {
            following = false;
        }
    }
}
