package dev.zvonok.app.admin;

import dev.zvonok.model.admin.AdminPage;
import dev.zvonok.model.admin.AdminUser;
import dev.zvonok.model.directory.Role;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** The users list: besides the search, a role and an active filter; a change of either goes back to page 1. */
public final class UsersViewModel extends ServerList<AdminUser> {

    public static final int PAGE_SIZE = 50;

    private final Administration administration;
    private final ObjectProperty<Role> role = new SimpleObjectProperty<>(this, "role");
    private final ObjectProperty<ActiveFilter> active = new SimpleObjectProperty<>(this, "active", ActiveFilter.ALL);

    public UsersViewModel(Administration administration, Executor fxThread) {
        super(fxThread);
        this.administration = Objects.requireNonNull(administration, "administration");
        role.addListener((o, was, now) -> search());
        active.addListener((o, was, now) -> search());
    }

    @Override
    protected CompletionStage<AdminPage<AdminUser>> fetch(String query, int page, Sort sort) {
        Boolean activeOnly = active.get() == null ? null : active.get().active();
        return administration.users(new UserQuery(query, role.get(), activeOnly, page, PAGE_SIZE, sort));
    }

    public ObjectProperty<Role> roleProperty() {
        return role;
    }

    public ObjectProperty<ActiveFilter> activeProperty() {
        return active;
    }

    /** A user saved in the editor: their row shows what the server has now, without a round trip. */
    public void show(AdminUser saved) {
        show(saved, AdminUser::id);
    }
}
