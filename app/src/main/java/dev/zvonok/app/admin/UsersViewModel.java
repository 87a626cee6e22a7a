package dev.zvonok.app.admin;

import dev.zvonok.model.admin.AdminUser;
import dev.zvonok.model.directory.Role;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The users list: search text, role and active filters, a page at a time from the server. A change of a filter goes
 * back to page 1. All methods on the FX thread; answers come back through the injected executor, and an answer
 * overtaken by a newer request is dropped.
 */
public final class UsersViewModel {

    public static final int PAGE_SIZE = 50;

    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObjectProperty<Role> role = new SimpleObjectProperty<>(this, "role");
    private final ObjectProperty<ActiveFilter> active = new SimpleObjectProperty<>(this, "active", ActiveFilter.ALL);
    private final ReadOnlyObjectWrapper<Sort> sort = new ReadOnlyObjectWrapper<>(this, "sort");
    private final ServerPages<AdminUser> pages;

    public UsersViewModel(Administration administration, Executor fxThread) {
        Objects.requireNonNull(administration, "administration");
        this.pages = new ServerPages<>(page -> administration.users(new UserQuery(query.get(), role.get(),
                active.get() == null ? null : active.get().active(), page, PAGE_SIZE, sort.get())), fxThread);
        role.addListener((o, was, now) -> search());
        active.addListener((o, was, now) -> search());
    }

    /** The search text; {@link #search()} asks the server (the view calls it as the admin pauses typing). */
    public StringProperty queryProperty() {
        return query;
    }

    public ObjectProperty<Role> roleProperty() {
        return role;
    }

    public ObjectProperty<ActiveFilter> activeProperty() {
        return active;
    }

    /** Page 1 of what the filters say. */
    public void search() {
        pages.first();
    }

    /** The server sorts all the users (a sort of one page would mislead); page 1 of it then. Null: its own order. */
    public void sortBy(Sort wanted) {
        if (!Objects.equals(wanted, sort.get())) {
            sort.set(wanted);
            search();
        }
    }

    public ReadOnlyObjectProperty<Sort> sortProperty() {
        return sort.getReadOnlyProperty();
    }

    /** The page on screen again, e.g. after a save. */
    public void refresh() {
        pages.refresh();
    }

    public void nextPage() {
        pages.next();
    }

    public void previousPage() {
        pages.previous();
    }

    /** A user saved in the editor: their row shows what the server has now, without a round trip. */
    public void show(AdminUser saved) {
        if (pages.rows().stream().anyMatch(row -> row.id() == saved.id())) {
            pages.replaceAll(row -> row.id() == saved.id() ? saved : row);
        } else {
            refresh(); // a new user: where they sort is the server's business
        }
    }

    public ObservableList<AdminUser> rows() {
        return pages.rows();
    }

    public ReadOnlyIntegerProperty pageProperty() {
        return pages.pageProperty();
    }

    public ReadOnlyIntegerProperty totalPagesProperty() {
        return pages.totalPagesProperty();
    }

    public ReadOnlyLongProperty totalProperty() {
        return pages.totalProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return pages.loadingProperty();
    }

    /** Why the list could not be loaded; null when it was. */
    public ReadOnlyObjectProperty<Message> problemProperty() {
        return pages.problemProperty();
    }

    public BooleanBinding hasNextPage() {
        return pages.hasNextPage();
    }

    public BooleanBinding hasPreviousPage() {
        return pages.hasPreviousPage();
    }
}
