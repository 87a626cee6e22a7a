package dev.zvonok.app.admin;

import atlantafx.base.theme.Styles;
import dev.zvonok.app.settings.LiveTexts;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The editor of a dealer, a company, a line or a team: its title, the form the entity's own view filled, the form's
 * problem and notice, save, undo and delete (asked first).
 */
final class EntityEditorView<T> {

    private final Parent root;

    /**
     * @param keys    the prefix of the title's texts: {@code .none}, {@code .new}, {@code .edit} (with the name)
     * @param titleOf the name of a row, for the title
     * @param below   what comes under the form's grid (the phones)
     */
    EntityEditorView(EntityEditorViewModel<T> vm, EditorForm form, LiveTexts texts, String keys,
                     Function<T, String> titleOf, List<Node> below) {
        Objects.requireNonNull(vm, "vm");
        Label title = new Label();
        title.setId(form.id("title"));
        title.getStyleClass().add(Styles.TITLE_4);
        title.textProperty().bind(texts.text(t -> switch (vm.modeProperty().get()) {
            case NONE -> t.get(keys + ".none");
            case CREATE -> t.get(keys + ".new");
            case EDIT -> t.format(keys + ".edit", titleOf.apply(vm.entityProperty().get()));
        }, vm.modeProperty(), vm.entityProperty()));

        Button delete = new Button(null, new FontIcon(Feather.TRASH_2));
        delete.setId(form.id("delete"));
        delete.getStyleClass().add(Styles.DANGER);
        delete.textProperty().bind(texts.get("admin.editor.delete"));
        delete.disableProperty().bind(vm.busyProperty().or(vm.dirtyProperty()));
        delete.visibleProperty().bind(vm.editingProperty());
        delete.managedProperty().bind(delete.visibleProperty());
        delete.setOnAction(e -> {
            if (confirmDelete(texts, titleOf.apply(vm.entityProperty().get()))) {
                vm.delete();
            }
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = form.saveAndRevert("admin.editor.save", "admin.editor.revert", vm.busyProperty(),
                vm.dirtyProperty(), vm::save, vm::revert);
        buttons.getChildren().addAll(gap, delete);

        List<Node> top = new ArrayList<>(List.of(title, form.grid()));
        top.addAll(below);
        root = form.frame(vm, top, buttons, List.of());
    }

    Parent root() {
        return root;
    }

    private static boolean confirmDelete(LiveTexts texts, String name) {
        ButtonType delete = new ButtonType(texts.now().get("admin.editor.delete"), ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(texts.now().get("admin.delete.keep"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert dialog = new Alert(Alert.AlertType.CONFIRMATION, texts.now().format("admin.delete.text", name),
                delete, keep);
        dialog.setHeaderText(texts.now().get("admin.delete.title"));
        dialog.setTitle(texts.now().get("admin.delete.title"));
        dialog.getDialogPane().setId("admin-delete-confirm");
        return dialog.showAndWait().filter(delete::equals).isPresent();
    }
}
