package dev.zvonok.app.admin;

import dev.zvonok.app.settings.LiveTexts;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.ToLongFunction;
import javafx.beans.value.ObservableValue;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.SplitPane;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The tab of dealers, companies, lines or teams: the list from the server beside the editor. A row chosen, or a new
 * one, passes the unsaved-changes guard first; what the editor saved or deleted shows in the list.
 */
final class EntityTab<T> {

    private final UnsavedChanges guard;
    private final SplitPane root = new SplitPane();

    EntityTab(ListingViewModel<T> list, EntityEditorViewModel<T> editor, Parent editorView,
              List<ListingView.Column<T>> columns, ToLongFunction<T> id, ObservableValue<Locale> language) {
        Objects.requireNonNull(editor, "editor");
        LiveTexts texts = new LiveTexts(EntityTab.class, language);
        this.guard = new UnsavedChanges(editor, texts);
        String name = list.listing().name();
        Button create = new Button(null, new FontIcon(Feather.PLUS));
        create.setId("admin-" + name + "-new");
        create.textProperty().bind(texts.get("admin.listing.new." + name));
        ListingView<T> listing = new ListingView<>(list, columns, language, List.of(create));
        EditorSelection<T> selection = new EditorSelection<>(listing.table(), guard, editor.entityProperty()::get, id,
                editor::edit);
        create.setOnAction(e -> selection.startNew(editor::create));
        root.getItems().setAll(listing.root(), editorView);
        root.setDividerPositions(0.6);
    }

    Parent root() {
        return root;
    }

    /** The guard for the window's closing. */
    boolean mayLeave() {
        return guard.mayLeave();
    }
}
