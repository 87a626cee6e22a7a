package dev.zvonok.app.admin;

import dev.zvonok.app.settings.LiveTexts;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;

/**
 * The unsaved-changes guard: before the editor's form is left (another row, a new one, the window closed), an admin
 * with changes not saved is asked whether to drop them.
 */
final class UnsavedChanges {

    private final Editor editor;
    private final LiveTexts texts;
    private final BooleanSupplier ask;

    UnsavedChanges(Editor editor, LiveTexts texts) {
        this.editor = Objects.requireNonNull(editor, "editor");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.ask = this::askTheAdmin;
    }

    /** True when the form may be left: nothing unsaved, or the admin chose to drop it (then it is reverted). */
    boolean mayLeave() {
        if (!editor.dirtyProperty().get()) {
            return true;
        }
        if (ask.getAsBoolean()) {
            editor.revert();
            return true;
        }
        return false;
    }

    private boolean askTheAdmin() {
        ButtonType discard = new ButtonType(texts.now().get("admin.unsaved.discard"), ButtonBar.ButtonData.OK_DONE);
        ButtonType stay = new ButtonType(texts.now().get("admin.unsaved.stay"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Dialog<ButtonType> dialog = new Alert(Alert.AlertType.CONFIRMATION, texts.now().get("admin.unsaved.text"),
                discard, stay);
        dialog.setHeaderText(texts.now().get("admin.unsaved.title"));
        dialog.setTitle(texts.now().get("admin.unsaved.title"));
        dialog.getDialogPane().setId("admin-unsaved");
        return dialog.showAndWait().filter(discard::equals).isPresent();
    }
}
