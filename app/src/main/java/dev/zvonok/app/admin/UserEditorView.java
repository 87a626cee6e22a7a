package dev.zvonok.app.admin;

import atlantafx.base.theme.Styles;
import dev.zvonok.app.settings.LiveTexts;
import dev.zvonok.app.settings.LocalizedCells;
import dev.zvonok.model.admin.AdminRules;
import dev.zvonok.model.directory.Role;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The user editor's form, built in code and bound to its {@link UserEditorViewModel}: each field with its problem
 * under it, the phones with their type and the form the server will keep them in, and the buttons.
 */
public final class UserEditorView {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final UserEditorViewModel vm;
    private final LiveTexts texts;
    private final VBox phoneRows = new VBox();
    private final VBox root = new VBox();

    public UserEditorView(UserEditorViewModel vm, ObservableValue<Locale> language) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.texts = new LiveTexts(UserEditorView.class, language);
        build();
    }

    public Parent root() {
        return root;
    }

    private void build() {
        Label title = new Label();
        title.setId("admin-editor-title");
        title.getStyleClass().add(Styles.TITLE_4);
        title.textProperty().bind(texts.text(t -> switch (vm.modeProperty().get()) {
            case NONE -> t.get("admin.user.none");
            case CREATE -> t.get("admin.user.new");
            case EDIT -> t.format("admin.user.edit", vm.userProperty().get().login())
                    + (vm.userProperty().get().active() ? "" : " " + t.get("admin.user.deactivatedMark"));
        }, vm.modeProperty(), vm.userProperty()));

        GridPane form = new GridPane();
        form.getStyleClass().add("admin-form");
        int row = 0;
        row = field(form, row, "admin.user.login", text("admin-login", vm.login()), vm.login());
        row = field(form, row, "admin.user.name", text("admin-name", vm.name()), vm.name());
        ComboBox<Role> role = new ComboBox<>();
        role.setId("admin-role");
        role.getItems().setAll(Role.values());
        LocalizedCells.install(role, r -> texts.get("admin.role." + r.wireName()));
        role.valueProperty().bindBidirectional(vm.roleProperty());
        row = field(form, row, "admin.user.role", role, null);
        row = field(form, row, "admin.user.city", text("admin-city", vm.city()), vm.city());
        PasswordField password = new PasswordField();
        password.setId("admin-password");
        password.textProperty().bindBidirectional(vm.password().valueProperty());
        showProblem(password, vm.password());
        int passwordRow = row;
        row = field(form, row, "admin.user.password", password, vm.password());
        showOnlyWhen(form, passwordRow, vm.modeProperty().isEqualTo(UserEditorViewModel.Mode.CREATE));

        Label phonesTitle = new Label();
        phonesTitle.textProperty().bind(texts.get("admin.user.phones"));
        phonesTitle.getStyleClass().add(Styles.TEXT_BOLD);
        Button addPhone = new Button(null, new FontIcon(Feather.PLUS));
        addPhone.setId("admin-add-phone");
        addPhone.textProperty().bind(texts.get("admin.user.addPhone"));
        addPhone.getStyleClass().add(Styles.SMALL);
        addPhone.setOnAction(e -> vm.addPhone());
        phoneRows.getStyleClass().add("admin-phones");
        vm.phones().addListener((ListChangeListener<PhoneRow>) change -> {
            if (change.next() && (change.wasAdded() || change.wasRemoved() || change.wasPermutated())) {
                showPhones();
            }
        });
        showPhones();

        Label problem = new Label();
        problem.setId("admin-editor-problem");
        problem.getStyleClass().addAll(Styles.DANGER, "admin-problem");
        problem.textProperty().bind(MessageText.of(texts, vm.problemProperty()));
        collapseWhenEmpty(problem);
        Label notice = new Label();
        notice.setId("admin-editor-notice");
        notice.getStyleClass().add(Styles.SUCCESS);
        notice.textProperty().bind(MessageText.of(texts, vm.noticeProperty()));
        collapseWhenEmpty(notice);

        Button save = new Button(null, new FontIcon(Feather.CHECK));
        save.setId("admin-save");
        save.setDefaultButton(true);
        save.getStyleClass().add(Styles.ACCENT);
        save.textProperty().bind(texts.get("admin.user.save"));
        save.disableProperty().bind(vm.busyProperty().or(vm.dirtyProperty().not()));
        save.setOnAction(e -> vm.save());
        Button revert = new Button();
        revert.setId("admin-revert");
        revert.textProperty().bind(texts.get("admin.user.revert"));
        revert.disableProperty().bind(vm.busyProperty().or(vm.dirtyProperty().not()));
        revert.setOnAction(e -> vm.revert());
        HBox buttons = new HBox(save, revert);
        buttons.getStyleClass().add("admin-buttons");

        VBox fields = new VBox(title, form, phonesTitle, phoneRows, addPhone, problem, notice, buttons,
                account());
        fields.getStyleClass().add("admin-editor");
        fields.disableProperty().bind(vm.modeProperty().isEqualTo(UserEditorViewModel.Mode.NONE));
        ScrollPane scroll = new ScrollPane(fields);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        root.getChildren().setAll(scroll);
    }

    /** A new password, deactivate and reactivate: for a user who exists. */
    private Node account() {
        PasswordField newPassword = new PasswordField();
        newPassword.setId("admin-new-password");
        newPassword.textProperty().bindBidirectional(vm.newPassword().valueProperty());
        newPassword.promptTextProperty().bind(texts.get("admin.user.newPassword"));
        showProblem(newPassword, vm.newPassword());
        Button change = new Button(null, new FontIcon(Feather.KEY));
        change.setId("admin-change-password");
        change.textProperty().bind(texts.get("admin.user.changePassword"));
        change.disableProperty().bind(vm.busyProperty());
        change.setOnAction(e -> vm.changePassword());
        HBox passwordLine = new HBox(newPassword, change);
        passwordLine.getStyleClass().add("admin-buttons");
        HBox.setHgrow(newPassword, Priority.ALWAYS);

        Button deactivate = new Button(null, new FontIcon(Feather.USER_X));
        deactivate.setId("admin-deactivate");
        deactivate.getStyleClass().add(Styles.DANGER);
        deactivate.textProperty().bind(texts.get("admin.user.deactivate"));
        deactivate.disableProperty().bind(vm.busyProperty().or(vm.dirtyProperty()));
        deactivate.visibleProperty().bind(vm.activeProperty());
        deactivate.managedProperty().bind(deactivate.visibleProperty());
        deactivate.setOnAction(e -> vm.deactivate());
        Button reactivate = new Button(null, new FontIcon(Feather.USER_CHECK));
        reactivate.setId("admin-reactivate");
        reactivate.textProperty().bind(texts.get("admin.user.reactivate"));
        reactivate.disableProperty().bind(vm.busyProperty().or(vm.dirtyProperty()));
        reactivate.visibleProperty().bind(vm.activeProperty().not());
        reactivate.managedProperty().bind(reactivate.visibleProperty());
        reactivate.setOnAction(e -> vm.reactivate());
        Label hint = new Label();
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        hint.textProperty().bind(texts.get("admin.user.deactivateHint"));

        VBox account = new VBox(new Separator(), passwordLine, problemLabel(vm.newPassword()),
                new HBox(deactivate, reactivate), hint);
        account.getStyleClass().add("admin-account");
        account.visibleProperty().bind(vm.editingProperty());
        account.managedProperty().bind(account.visibleProperty());
        return account;
    }

    private void showPhones() {
        List<Node> lines = vm.phones().stream().map(this::phoneLine).toList();
        phoneRows.getChildren().setAll(lines);
    }

    private Node phoneLine(PhoneRow phone) {
        int index = vm.phones().indexOf(phone);
        TextField number = text("admin-phone-number-" + index, phone.number());
        number.promptTextProperty().bind(texts.get("admin.user.phoneNumber"));
        ComboBox<String> type = new ComboBox<>();
        type.setId("admin-phone-type-" + index);
        type.getItems().setAll(AdminRules.EXTENSION, AdminRules.MOBILE, AdminRules.LANDLINE);
        LocalizedCells.install(type, t -> texts.get("admin.phone." + t));
        type.valueProperty().bindBidirectional(phone.typeProperty());
        type.setMinWidth(Region.USE_PREF_SIZE);
        Button remove = new Button(null, new FontIcon(Feather.X));
        remove.setId("admin-remove-phone-" + index);
        remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        remove.setOnAction(e -> vm.removePhone(phone));
        Label normalized = new Label();
        normalized.getStyleClass().add(Styles.TEXT_MUTED);
        normalized.textProperty().bind(phone.normalizedProperty());
        HBox line = new HBox(number, type, remove, normalized);
        line.setAlignment(Pos.CENTER_LEFT);
        line.getStyleClass().add("admin-phone");
        HBox.setHgrow(number, Priority.ALWAYS);
        return new VBox(line, problemLabel(phone.number()));
    }

    private int field(GridPane form, int row, String key, Node input, FormField field) {
        Label label = new Label();
        label.textProperty().bind(texts.get(key));
        label.setLabelFor(input);
        form.add(label, 0, row);
        form.add(input, 1, row);
        GridPane.setHgrow(input, Priority.ALWAYS);
        if (field != null) {
            form.add(problemLabel(field), 1, row + 1);
        }
        return row + 2;
    }

    /** Hides the label and the field of {@code row} (and its problem line) unless {@code shown}. */
    private static void showOnlyWhen(GridPane form, int row, ObservableValue<Boolean> shown) {
        form.getChildren().stream()
                .filter(node -> {
                    Integer at = GridPane.getRowIndex(node);
                    return at != null && (at == row || at == row + 1);
                })
                .forEach(node -> {
                    node.visibleProperty().bind(shown);
                    node.managedProperty().bind(shown);
                });
    }

    private TextField text(String id, FormField field) {
        TextField input = new TextField();
        input.setId(id);
        input.textProperty().bindBidirectional(field.valueProperty());
        showProblem(input, field);
        return input;
    }

    private static void showProblem(TextInputControl input, FormField field) {
        field.problemProperty().subscribe(problem -> {
            input.pseudoClassStateChanged(INVALID, problem != null);
            input.pseudoClassStateChanged(Styles.STATE_DANGER, problem != null);
        });
    }

    private Label problemLabel(FormField field) {
        Label problem = new Label();
        problem.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL, "admin-field-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(MessageText.of(texts, field.problemProperty()));
        collapseWhenEmpty(problem);
        return problem;
    }

    private static void collapseWhenEmpty(Label label) {
        label.visibleProperty().bind(Bindings.isNotEmpty(label.textProperty()));
        label.managedProperty().bind(label.visibleProperty());
    }
}
