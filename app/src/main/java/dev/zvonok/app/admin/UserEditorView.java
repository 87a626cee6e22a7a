package dev.zvonok.app.admin;

import atlantafx.base.theme.Styles;
import dev.zvonok.app.fx.CheckedItems;
import dev.zvonok.app.settings.LiveTexts;
import dev.zvonok.app.settings.LocalizedCells;
import dev.zvonok.model.admin.AdminRules;
import dev.zvonok.model.directory.Role;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.CheckComboBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The user editor's form, built in code and bound to its {@link UserEditorViewModel}: each field with its problem
 * under it, the teams, the phones with their type and the form the server will keep them in, and the buttons.
 */
public final class UserEditorView {

    private final UserEditorViewModel vm;
    private final LiveTexts texts;
    private final EditorForm form;
    private final Parent root;

    public UserEditorView(UserEditorViewModel vm, ObservableValue<Locale> language) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.texts = new LiveTexts(UserEditorView.class, language);
        this.form = new EditorForm(texts, "admin");
        this.root = build();
    }

    public Parent root() {
        return root;
    }

    private Parent build() {
        Label title = new Label();
        title.setId("admin-editor-title");
        title.getStyleClass().add(Styles.TITLE_4);
        title.textProperty().bind(texts.text(t -> switch (vm.modeProperty().get()) {
            case NONE -> t.get("admin.user.none");
            case CREATE -> t.get("admin.user.new");
            case EDIT -> t.format("admin.user.edit", vm.entityProperty().get().login())
                    + (vm.entityProperty().get().active() ? "" : " " + t.get("admin.user.deactivatedMark"));
        }, vm.modeProperty(), vm.entityProperty()));

        form.addText("admin.user.login", "login", vm.login());
        form.addText("admin.user.name", "name", vm.name());
        ComboBox<Role> role = new ComboBox<>();
        role.setId("admin-role");
        role.getItems().setAll(Role.values());
        LocalizedCells.install(role, r -> texts.get("admin.role." + r.wireName()));
        role.valueProperty().bindBidirectional(vm.roleProperty());
        form.add("admin.user.role", role, null);
        form.addText("admin.user.city", "city", vm.city());
        CheckComboBox<String> teams = new CheckComboBox<>();
        teams.setId("admin-teams");
        teams.titleProperty().bind(texts.text(t -> vm.teams().isEmpty() ? t.get("admin.user.noTeams")
                : String.join(", ", vm.teams()), vm.teams()));
        CheckedItems.bind(teams, vm.teamChoices(), vm.teams());
        form.add("admin.user.teams", teams, null);
        PasswordField password = new PasswordField();
        password.setId("admin-password");
        password.textProperty().bindBidirectional(vm.password().valueProperty());
        EditorForm.showProblem(password, vm.password());
        int passwordRow = form.add("admin.user.password", password, vm.password());
        form.showOnlyWhen(passwordRow, vm.modeProperty().isEqualTo(EditorMode.CREATE));

        Node phones = form.phones(vm.phoneList(), "admin.user.phones",
                List.of(AdminRules.EXTENSION, AdminRules.MOBILE, AdminRules.LANDLINE));
        HBox buttons = form.saveAndRevert("admin.user.save", "admin.user.revert", vm.busyProperty(),
                vm.dirtyProperty(), vm::save, vm::revert);
        return form.frame(vm, List.of(title, form.grid(), phones), buttons, List.of(account()));
    }

    /** A new password, deactivate and reactivate: for a user who exists. */
    private Node account() {
        PasswordField newPassword = new PasswordField();
        newPassword.setId("admin-new-password");
        newPassword.textProperty().bindBidirectional(vm.newPassword().valueProperty());
        newPassword.promptTextProperty().bind(texts.get("admin.user.newPassword"));
        EditorForm.showProblem(newPassword, vm.newPassword());
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

        VBox account = new VBox(new Separator(), passwordLine, form.problemLabel(vm.newPassword()),
                new HBox(deactivate, reactivate), hint);
        account.getStyleClass().add("admin-account");
        account.visibleProperty().bind(vm.editingProperty());
        account.managedProperty().bind(account.visibleProperty());
        return account;
    }
}
