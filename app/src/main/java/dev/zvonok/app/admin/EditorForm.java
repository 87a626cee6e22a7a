package dev.zvonok.app.admin;

import atlantafx.base.theme.Styles;
import dev.zvonok.app.settings.LiveTexts;
import dev.zvonok.app.settings.LocalizedCells;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * What every editor's form is made of: labelled fields, each with its problem under it; the phones with the form the
 * server will keep them in; the form's problem and notice; save and undo. Node ids start with the editor's prefix
 * ({@code admin} for users, {@code admin-dealer}, ...), so a test finds each editor's own fields.
 */
final class EditorForm {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final LiveTexts texts;
    private final String prefix;
    private final GridPane grid = new GridPane();
    private int row;

    EditorForm(LiveTexts texts, String prefix) {
        this.texts = Objects.requireNonNull(texts, "texts");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        grid.getStyleClass().add("admin-form");
    }

    GridPane grid() {
        return grid;
    }

    String id(String name) {
        return prefix + "-" + name;
    }

    /** A labelled line of the form, the field's problem under it; returns its row, see {@link #showOnlyWhen}. */
    int add(String key, Node input, FormField field) {
        int at = row;
        Label label = new Label();
        label.textProperty().bind(texts.get(key));
        label.setLabelFor(input);
        label.setMinWidth(Region.USE_PREF_SIZE); // a wide input (a text area, a searchable choice) never cuts the label
        grid.add(label, 0, at);
        grid.add(input, 1, at);
        GridPane.setHgrow(input, Priority.ALWAYS);
        if (field != null) {
            grid.add(problemLabel(field), 1, at + 1);
        }
        row += 2;
        return at;
    }

    /** A labelled text field bound to {@code field}. */
    TextField addText(String key, String name, FormField field) {
        TextField input = text(name, field);
        add(key, input, field);
        return input;
    }

    /** A labelled text area (a comment) bound to {@code field}. */
    TextArea addArea(String key, String name, FormField field) {
        TextArea input = new TextArea();
        input.setId(id(name));
        input.setPrefRowCount(3);
        input.setWrapText(true);
        input.textProperty().bindBidirectional(field.valueProperty());
        showProblem(input, field);
        add(key, input, field);
        return input;
    }

    /** Hides the label and the field of {@code at} (and its problem line) unless {@code shown}. */
    void showOnlyWhen(int at, ObservableValue<Boolean> shown) {
        grid.getChildren().stream()
                .filter(node -> {
                    Integer index = GridPane.getRowIndex(node);
                    return index != null && (index == at || index == at + 1);
                })
                .forEach(node -> {
                    node.visibleProperty().bind(shown);
                    node.managedProperty().bind(shown);
                });
    }

    TextField text(String name, FormField field) {
        TextField input = new TextField();
        input.setId(id(name));
        input.textProperty().bindBidirectional(field.valueProperty());
        showProblem(input, field);
        return input;
    }

    static void showProblem(TextInputControl input, FormField field) {
        field.problemProperty().subscribe(problem -> {
            input.pseudoClassStateChanged(INVALID, problem != null);
            input.pseudoClassStateChanged(Styles.STATE_DANGER, problem != null);
        });
    }

    Label problemLabel(FormField field) {
        Label problem = new Label();
        problem.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL, "admin-field-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(MessageText.of(texts, field.problemProperty()));
        collapseWhenEmpty(problem);
        return problem;
    }

    /** The form's problem ({@code editor-problem}) or notice ({@code editor-notice}). */
    Label message(String name, ObservableValue<Message> message, String styleClass) {
        Label label = new Label();
        label.setId(id(name));
        label.getStyleClass().addAll(styleClass, "admin-problem");
        label.setWrapText(true);
        label.textProperty().bind(MessageText.of(texts, message));
        collapseWhenEmpty(label);
        return label;
    }

    static void collapseWhenEmpty(Label label) {
        label.visibleProperty().bind(Bindings.isNotEmpty(label.textProperty()));
        label.managedProperty().bind(label.visibleProperty());
    }

    /** Save and undo, enabled while there is something to save and nothing under way. */
    HBox saveAndRevert(String saveKey, String revertKey, ObservableBooleanValue busy, ObservableBooleanValue dirty,
                       Runnable save, Runnable revert) {
        Button saveButton = new Button(null, new FontIcon(Feather.CHECK));
        saveButton.setId(id("save"));
        saveButton.getStyleClass().add(Styles.ACCENT);
        saveButton.textProperty().bind(texts.get(saveKey));
        saveButton.disableProperty().bind(Bindings.createBooleanBinding(() -> busy.get() || !dirty.get(),
                busy, dirty));
        saveButton.setOnAction(e -> save.run());
        Button revertButton = new Button();
        revertButton.setId(id("revert"));
        revertButton.textProperty().bind(texts.get(revertKey));
        revertButton.disableProperty().bind(saveButton.disableProperty());
        revertButton.setOnAction(e -> revert.run());
        HBox buttons = new HBox(saveButton, revertButton);
        buttons.getStyleClass().add("admin-buttons");
        return buttons;
    }

    /**
     * The whole editor: the form's nodes, its problem and notice, the buttons, and what comes after them; scrolled,
     * disabled while it holds nothing; Enter saves and Escape undoes.
     */
    Parent frame(EntityEditorViewModel<?> vm, List<Node> form, HBox buttons, List<Node> after) {
        VBox fields = new VBox();
        fields.getChildren().addAll(form);
        fields.getChildren().addAll(message("editor-problem", vm.problemProperty(), Styles.DANGER),
                message("editor-notice", vm.noticeProperty(), Styles.SUCCESS), buttons);
        fields.getChildren().addAll(after);
        fields.getStyleClass().add("admin-editor");
        fields.disableProperty().bind(vm.modeProperty().isEqualTo(EditorMode.NONE));
        keys(fields, vm::save, vm::revert);
        ScrollPane scroll = new ScrollPane(fields);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        return new VBox(scroll);
    }

    /**
     * Enter saves and Escape undoes, anywhere in the editor. Not default and cancel buttons: a scene has one of each,
     * and every tab of the window has an editor. Enter in a comment is a new line.
     */
    private static void keys(Node editor, Runnable save, Runnable revert) {
        editor.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !(e.getTarget() instanceof TextArea)) {
                save.run();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                revert.run();
                e.consume();
            }
        });
    }

    /**
     * The phones: a line each with the number, its type (a user's phones only), a remove button and the number as
     * the server will keep it; the row's problem under it; a button to add one.
     *
     * @param types the types to choose from; empty for an organisation's numbers, which have none
     */
    Node phones(PhoneList phones, String titleKey, List<String> types) {
        Label title = new Label();
        title.textProperty().bind(texts.get(titleKey));
        title.getStyleClass().add(Styles.TEXT_BOLD);
        Button add = new Button(null, new FontIcon(Feather.PLUS));
        add.setId(id("add-phone"));
        add.textProperty().bind(texts.get("admin.user.addPhone"));
        add.getStyleClass().add(Styles.SMALL);
        add.setOnAction(e -> phones.add());
        VBox rows = new VBox();
        rows.getStyleClass().add("admin-phones");
        Runnable show = () -> rows.getChildren().setAll(phones.rows().stream()
                .map(phone -> phoneLine(phones, phone, types)).toList());
        phones.rows().addListener((ListChangeListener<PhoneRow>) change -> {
            if (change.next() && (change.wasAdded() || change.wasRemoved() || change.wasPermutated())) {
                show.run();
            }
        });
        show.run();
        return new VBox(title, rows, add);
    }

    private Node phoneLine(PhoneList phones, PhoneRow phone, List<String> types) {
        int index = phones.rows().indexOf(phone);
        TextField number = text("phone-number-" + index, phone.number());
        number.promptTextProperty().bind(texts.get("admin.user.phoneNumber"));
        HBox line = new HBox(number);
        if (!types.isEmpty()) {
            ComboBox<String> type = new ComboBox<>();
            type.setId(id("phone-type-" + index));
            type.getItems().setAll(types);
            LocalizedCells.install(type, t -> texts.get("admin.phone." + t));
            type.valueProperty().bindBidirectional(phone.typeProperty());
            type.setMinWidth(Region.USE_PREF_SIZE);
            line.getChildren().add(type);
        }
        Button remove = new Button(null, new FontIcon(Feather.X));
        remove.setId(id("remove-phone-" + index));
        remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        remove.setOnAction(e -> phones.remove(phone));
        Label normalized = new Label();
        normalized.getStyleClass().add(Styles.TEXT_MUTED);
        normalized.textProperty().bind(phone.normalizedProperty());
        line.getChildren().addAll(remove, normalized);
        line.setAlignment(Pos.CENTER_LEFT);
        line.getStyleClass().add("admin-phone");
        HBox.setHgrow(number, Priority.ALWAYS);
        return new VBox(line, problemLabel(phone.number()));
    }
}
