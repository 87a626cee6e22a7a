package dev.zvonok.app.admin;

import dev.zvonok.model.admin.SortKey;

import dev.zvonok.model.admin.AdminRules;
import dev.zvonok.model.admin.AdminTeam;
import dev.zvonok.model.admin.AdminUser;
import dev.zvonok.model.admin.UserRequest;
import dev.zvonok.model.directory.Role;
import dev.zvonok.model.phone.PhoneNumbers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The user editor: a new user (with their password) or an existing one (a new password apart, deactivate,
 * reactivate). Checks as the admin types: required fields, the password rule of {@link AdminRules#passwordProblem},
 * phone numbers by the server's rules ({@link PhoneNumbers}); the server's own refusals land next to their field, a
 * taken number or login naming who has it. The user's teams are chosen among the server's. Knows whether there are
 * unsaved changes. FX thread; answers come back through the injected executor.
 */
public final class UserEditorViewModel extends EntityEditorViewModel<AdminUser> {

    private final Administration administration;
    private final Executor fxThread;
    private final FormField login = new FormField(UserEditorViewModel::required);
    private final FormField name = new FormField(UserEditorViewModel::required);
    private final FormField city = new FormField(text -> null);
    private final FormField password = new FormField(this::passwordRule);
    private final FormField newPassword = new FormField(UserEditorViewModel::password);
    private final ObjectProperty<Role> role = new SimpleObjectProperty<>(this, "role", Role.OPERATOR);
    private final PhoneList phones;
    /** The names of the user's teams, among {@link #teamChoices}. */
    private final ObservableList<String> teams = FXCollections.observableArrayList();
    private final ObservableList<String> teamChoices = FXCollections.observableArrayList();
    private final BooleanBinding active = Bindings.createBooleanBinding(
            () -> entityProperty().get() != null && entityProperty().get().active(), entityProperty());

    /** @param saved told of every user the server saved (created, edited, deactivated), to update the list */
    public UserEditorViewModel(Administration administration, PhoneNumbers numbers, Executor fxThread,
                               Consumer<AdminUser> saved) {
        super(fxThread, saved, () -> { }); // users are deactivated, never deleted
        this.administration = Objects.requireNonNull(administration, "administration");
        this.fxThread = fxThread;
        this.phones = new PhoneList(numbers, AdminRules.EXTENSION);
        watch(role);
        watch(phones.rows());
        watch(teams);
        watchFields();
    }

    // ---------------------------------------------------------------------------------------------------- commands

    public PhoneRow addPhone() {
        return phones.add();
    }

    public void removePhone(PhoneRow row) {
        phones.remove(row);
    }

    /** The teams to choose from, by name, as the server has them now (the tab was opened again). */
    public CompletableFuture<Void> refreshChoices() {
        return administration.list(Listing.TEAMS, ListQuery.choices(Sort.ascending(SortKey.TEAM_NAME)))
                .thenAcceptAsync(page -> {
                    List<String> found = new ArrayList<>(page.data().stream().map(AdminTeam::name).toList());
                    teams.stream().filter(team -> !found.contains(team)).forEach(found::add);
                    teamChoices.setAll(found);
                }, fxThread);
    }

    /** A new password for the user being edited; checked by the same rule as on the server. */
    public CompletableFuture<Void> changePassword() {
        if (modeProperty().get() != EditorMode.EDIT || busyProperty().get()) {
            return CompletableFuture.completedFuture(null);
        }
        newPassword.showProblems();
        if (newPassword.invalid()) {
            return CompletableFuture.completedFuture(null);
        }
        return asked(administration.changePassword(entityProperty().get().id(), newPassword.valueProperty().get()),
                newPassword, () -> newPassword.reset(""), "admin.user.passwordChanged");
    }

    /** The user may no longer log in; their sessions end. Only without unsaved changes: they would be lost. */
    public CompletableFuture<Void> deactivate() {
        if (!mayChangeAsIs()) {
            return CompletableFuture.completedFuture(null);
        }
        return answered(administration.deactivateUser(entityProperty().get().id()), "admin.user.deactivated");
    }

    /** The user may log in again. Only without unsaved changes. */
    public CompletableFuture<Void> reactivate() {
        if (!mayChangeAsIs()) {
            return CompletableFuture.completedFuture(null);
        }
        AdminUser existing = entityProperty().get();
        return answered(administration.updateUser(existing.id(), new UserRequest(existing.login(), existing.name(),
                existing.role().wireName(), null, existing.city(), null, null, true)), "admin.user.reactivated");
    }

    // ---------------------------------------------------------------------------------------------------- the form

    @Override
    protected CompletableFuture<AdminUser> send(AdminUser existing) {
        String cityText = TextRules.orNull(city);
        if (existing == null) {
            return administration.createUser(new UserRequest(login.text(), name.text(), role.get().wireName(),
                    password.valueProperty().get(), cityText, List.copyOf(teams), phones.wire(), null));
        }
        return administration.updateUser(existing.id(), new UserRequest(login.text(), name.text(),
                role.get().wireName(), null, cityText, List.copyOf(teams), phones.wire(), null));
    }

    @Override
    protected CompletableFuture<Void> sendDelete(AdminUser existing) {
        throw new UnsupportedOperationException("users are deactivated, never deleted");
    }

    @Override
    protected String savedKey() {
        return "admin.user.saved";
    }

    @Override
    protected FormField fieldOf(String field) {
        return switch (field) {
            case "login" -> login;
            case "name" -> name;
            case "city" -> city;
            case "password" -> modeProperty().get() == EditorMode.CREATE ? password : newPassword;
            default -> phones.fieldOf(field);
        };
    }

    @Override
    protected void fill(AdminUser existing) {
        login.reset(existing == null ? "" : existing.login());
        name.reset(existing == null ? "" : existing.name());
        role.set(existing == null ? Role.OPERATOR : existing.role());
        city.reset(existing == null ? "" : existing.city());
        password.reset("");
        newPassword.reset("");
        phones.fill(existing == null ? List.of() : existing.phones());
        List<String> newTeams = existing == null ? List.of() : existing.teams();
        newTeams.stream().filter(team -> !teamChoices.contains(team)).forEach(teamChoices::add);
        teams.setAll(newTeams);
    }

    @Override
    protected List<FormField> fields() {
        List<FormField> all = new ArrayList<>(List.of(login, name, city, password));
        all.addAll(phones.fields());
        return all;
    }

    @Override
    protected Object snapshot() {
        return Arrays.asList(login.text(), name.text(), role.get(), city.text(),
                password.valueProperty().get() == null ? "" : password.valueProperty().get(),
                phones.snapshot(), teams.stream().sorted().toList());
    }

    // ---------------------------------------------------------------------------------------------------- rules

    private static Message required(String text) {
        return text.isEmpty() ? Message.of("admin.problem.required") : null;
    }

    private static Message password(String text) {
        String problem = AdminRules.passwordProblem(text);
        if (problem == null) {
            return null;
        }
        return text.isEmpty() ? Message.of("admin.problem.required")
                : Message.of("admin.problem.password", Integer.toString(AdminRules.MIN_PASSWORD_LENGTH));
    }

    /** A password is asked of a new user only: an existing one changes theirs apart. */
    private Message passwordRule(String text) {
        return modeProperty().get() != EditorMode.CREATE ? null : password(text);
    }

    // ---------------------------------------------------------------------------------------------------- state

    public FormField login() {
        return login;
    }

    public FormField name() {
        return name;
    }

    public FormField city() {
        return city;
    }

    /** A new user's password. */
    public FormField password() {
        return password;
    }

    /** An existing user's new password. */
    public FormField newPassword() {
        return newPassword;
    }

    public ObjectProperty<Role> roleProperty() {
        return role;
    }

    public ObservableList<PhoneRow> phones() {
        return phones.rows();
    }

    public PhoneList phoneList() {
        return phones;
    }

    /** The names of the user's teams; the admin checks them among {@link #teamChoices()}. */
    public ObservableList<String> teams() {
        return teams;
    }

    public ObservableList<String> teamChoices() {
        return teamChoices;
    }

    /** Whether the user being edited may log in. */
    public BooleanBinding activeProperty() {
        return active;
    }
}
