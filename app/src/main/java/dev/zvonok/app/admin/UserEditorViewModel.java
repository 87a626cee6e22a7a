package dev.zvonok.app.admin;

import dev.zvonok.model.admin.AdminPhone;
import dev.zvonok.model.admin.AdminRules;
import dev.zvonok.model.admin.AdminTeam;
import dev.zvonok.model.admin.AdminUser;
import dev.zvonok.model.admin.UserRequest;
import dev.zvonok.model.directory.Role;
import dev.zvonok.model.phone.PhoneNumbers;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The user editor: a new user (with their password) or an existing one (a new password apart, deactivate,
 * reactivate). Checks as the admin types: required fields, the password rule of {@link AdminRules#passwordProblem},
 * phone numbers by the server's rules ({@link PhoneNumbers}); the server's own refusals land next to their field, a
 * taken number or login naming who has it. Knows whether there are unsaved changes. FX thread; answers come back
 * through the injected executor.
 */
public final class UserEditorViewModel implements Editor {

    /** What the editor holds. */
    public enum Mode {
        /** Nobody chosen. */
        NONE,
        CREATE,
        EDIT
    }

    private final Administration administration;
    private final Executor fxThread;
    private final Consumer<AdminUser> saved;

    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(this, "mode", Mode.NONE);
    private final ReadOnlyObjectWrapper<AdminUser> user = new ReadOnlyObjectWrapper<>(this, "user");
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
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    /** A refusal of the form as a whole, or a failure to reach the server. */
    private final ReadOnlyObjectWrapper<Message> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    /** What just went well ("saved"). */
    private final ReadOnlyObjectWrapper<Message> notice = new ReadOnlyObjectWrapper<>(this, "notice");
    private final BooleanBinding editing = mode.isEqualTo(Mode.EDIT);
    private final BooleanBinding active = Bindings.createBooleanBinding(
            () -> user.get() != null && user.get().active(), user);
    private Snapshot baseline = Snapshot.EMPTY;

    /** What the form holds, to tell whether it changed. */
    private record Snapshot(String login, String name, Role role, String city, String password, List<String> phones,
                            List<String> teams) {
        static final Snapshot EMPTY = new Snapshot("", "", Role.OPERATOR, "", "", List.of(), List.of());
    }

    /** @param saved told of every user the server saved (created, edited, deactivated), to update the list */
    public UserEditorViewModel(Administration administration, PhoneNumbers numbers, Executor fxThread,
                               Consumer<AdminUser> saved) {
        this.administration = Objects.requireNonNull(administration, "administration");
        this.phones = new PhoneList(numbers, AdminRules.EXTENSION);
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
        this.saved = Objects.requireNonNull(saved, "saved");
        for (FormField field : List.of(login, name, city, password)) {
            field.valueProperty().addListener((o, was, now) -> changed());
        }
        role.addListener((o, was, now) -> changed());
        phones.rows().addListener((ListChangeListener<PhoneRow>) change -> changed());
        teams.addListener((ListChangeListener<String>) change -> changed());
    }

    // ---------------------------------------------------------------------------------------------------- commands

    /** An empty form for a new operator. */
    public void newUser() {
        user.set(null);
        mode.set(Mode.CREATE);
        fill("", "", Role.OPERATOR, "", List.of(), List.of());
    }

    /** The form of an existing user, their phones as the server normalised them. */
    public void edit(AdminUser existing) {
        user.set(existing);
        mode.set(Mode.EDIT);
        fill(existing.login(), existing.name(), existing.role(), existing.city(), existing.phones(), existing.teams());
    }

    /** Leaves the form: nobody chosen. */
    public void close() {
        user.set(null);
        mode.set(Mode.NONE);
        fill("", "", Role.OPERATOR, "", List.of(), List.of());
    }

    /** Drops the changes: the form as it was loaded. */
    @Override
    public void revert() {
        switch (mode.get()) {
            case CREATE -> newUser();
            case EDIT -> edit(user.get());
            case NONE -> close();
        }
    }

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
                    List<String> found = new java.util.ArrayList<>(page.data().stream().map(AdminTeam::name)
                            .toList());
                    teams.stream().filter(team -> !found.contains(team)).forEach(found::add);
                    teamChoices.setAll(found);
                }, fxThread);
    }

    /**
     * Sends the form: creates or updates the user. With a problem in the form nothing is sent and every problem shows.
     *
     * @return done when the server answered (saved or refused); the outcome is in the properties
     */
    public CompletableFuture<Void> save() {
        if (mode.get() == Mode.NONE || busy.get()) {
            return CompletableFuture.completedFuture(null);
        }
        notice.set(null);
        if (!checkAll()) {
            return CompletableFuture.completedFuture(null);
        }
        List<AdminPhone> wirePhones = phones.wire();
        String cityText = city.text().isEmpty() ? null : city.text();
        CompletableFuture<AdminUser> sent;
        if (mode.get() == Mode.CREATE) {
            sent = administration.createUser(new UserRequest(login.text(), name.text(), role.get().wireName(),
                    password.valueProperty().get(), cityText, List.copyOf(teams), wirePhones, null));
        } else {
            sent = administration.updateUser(user.get().id(), new UserRequest(login.text(), name.text(),
                    role.get().wireName(), null, cityText, List.copyOf(teams), wirePhones, null));
        }
        return answered(sent, "admin.user.saved");
    }

    /** A new password for the user being edited; checked by the same rule as on the server. */
    public CompletableFuture<Void> changePassword() {
        if (mode.get() != Mode.EDIT || busy.get()) {
            return CompletableFuture.completedFuture(null);
        }
        notice.set(null);
        newPassword.showProblems();
        if (newPassword.invalid()) {
            return CompletableFuture.completedFuture(null);
        }
        busy.set(true);
        return administration.changePassword(user.get().id(), newPassword.valueProperty().get())
                .handleAsync((done, failure) -> {
                    busy.set(false);
                    if (failure != null) {
                        refused(failure, newPassword);
                    } else {
                        newPassword.reset("");
                        problem.set(null);
                        notice.set(Message.of("admin.user.passwordChanged"));
                    }
                    return null;
                }, fxThread);
    }

    /** The user may no longer log in; their sessions end. Only without unsaved changes: they would be lost. */
    public CompletableFuture<Void> deactivate() {
        if (mode.get() != Mode.EDIT || busy.get() || dirty.get()) {
            return CompletableFuture.completedFuture(null);
        }
        return answered(administration.deactivateUser(user.get().id()), "admin.user.deactivated");
    }

    /** The user may log in again. Only without unsaved changes. */
    public CompletableFuture<Void> reactivate() {
        if (mode.get() != Mode.EDIT || busy.get() || dirty.get()) {
            return CompletableFuture.completedFuture(null);
        }
        AdminUser existing = user.get();
        return answered(administration.updateUser(existing.id(), new UserRequest(existing.login(), existing.name(),
                existing.role().wireName(), null, existing.city(), null, null, true)), "admin.user.reactivated");
    }

    // ---------------------------------------------------------------------------------------------------- answers

    private CompletableFuture<Void> answered(CompletableFuture<AdminUser> sent, String success) {
        busy.set(true);
        problem.set(null);
        return sent.handleAsync((answer, failure) -> {
            busy.set(false);
            if (failure != null) {
                refused(failure, null);
            } else {
                edit(answer);
                notice.set(Message.of(success));
                saved.accept(answer);
            }
            return null;
        }, fxThread);
    }

    /** Puts the server's refusal next to its field; what belongs to no field is the form's problem. */
    private void refused(Throwable failure, FormField fallback) {
        problem.set(Refusals.place(failure, this::fieldOf, fallback));
    }

    private FormField fieldOf(String field) {
        switch (field) {
            case "login":
                return login;
            case "name":
                return name;
            case "city":
                return city;
            case "password":
                return mode.get() == Mode.CREATE ? password : newPassword;
            default:
                return phones.fieldOf(field);
        }
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
        return mode.get() != Mode.CREATE ? null : password(text);
    }

    private boolean checkAll() {
        boolean valid = true;
        for (FormField field : fields()) {
            field.showProblems();
            valid &= !field.invalid();
        }
        if (!valid) {
            problem.set(Message.of("admin.problem.seeFields"));
        }
        return valid;
    }

    private List<FormField> fields() {
        List<FormField> all = new java.util.ArrayList<>(List.of(login, name, city, password));
        all.addAll(phones.fields());
        return all;
    }

    // ---------------------------------------------------------------------------------------------------- state

    private void fill(String newLogin, String newName, Role newRole, String newCity, List<AdminPhone> newPhones,
                      List<String> newTeams) {
        baseline = null; // no "changed" while the fields are filled one by one
        login.reset(newLogin);
        name.reset(newName);
        role.set(newRole);
        city.reset(newCity);
        password.reset("");
        newPassword.reset("");
        phones.fill(newPhones);
        newTeams.stream().filter(team -> !teamChoices.contains(team)).forEach(teamChoices::add);
        teams.setAll(newTeams);
        problem.set(null);
        notice.set(null);
        baseline = snapshot();
        dirty.set(false);
    }

    private Snapshot snapshot() {
        return new Snapshot(login.text(), name.text(), role.get(), city.text(),
                password.valueProperty().get() == null ? "" : password.valueProperty().get(),
                phones.snapshot(), teams.stream().sorted().toList());
    }

    private void changed() {
        if (baseline != null) {
            dirty.set(!snapshot().equals(baseline));
        }
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    /** The user as the server has them, when editing one; null otherwise. */
    public ReadOnlyObjectProperty<AdminUser> userProperty() {
        return user.getReadOnlyProperty();
    }

    public BooleanBinding editingProperty() {
        return editing;
    }

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

    /** Changes not saved yet: leaving the form asks first. */
    @Override
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Message> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Message> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Whether the user being edited may log in. */
    public BooleanBinding activeProperty() {
        return active;
    }
}
