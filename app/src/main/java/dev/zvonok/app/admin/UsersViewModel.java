package dev.zvonok.app.admin;

import dev.zvonok.model.admin.AdminPage;
import dev.zvonok.model.admin.AdminUser;
import dev.zvonok.model.directory.Role;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The users list: search text, role and active filters, a page at a time from the server. A change of a filter goes
 * back to page 1. All methods on the FX thread; answers come back through the injected executor, and an answer
 * overtaken by a newer request is dropped.
 */
public final class UsersViewModel {

    public static final int PAGE_SIZE = 50;

    private final Administration administration;
    private final Executor fxThread;

    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObjectProperty<Role> role = new SimpleObjectProperty<>(this, "role");
    private final ObjectProperty<ActiveFilter> active = new SimpleObjectProperty<>(this, "active", ActiveFilter.ALL);
    private final ObservableList<AdminUser> rows = FXCollections.observableArrayList();
    private final ObservableList<AdminUser> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyIntegerWrapper page = new ReadOnlyIntegerWrapper(this, "page", 1);
    private final ReadOnlyIntegerWrapper totalPages = new ReadOnlyIntegerWrapper(this, "totalPages", 0);
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper(this, "total", 0);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyObjectWrapper<Message> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final BooleanBinding hasNextPage = Bindings.createBooleanBinding(
            () -> page.get() < totalPages.get(), page, totalPages);
    private final BooleanBinding hasPreviousPage = page.greaterThan(1);
    private long generation;

    public UsersViewModel(Administration administration, Executor fxThread) {
        this.administration = Objects.requireNonNull(administration, "administration");
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
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
        load(1);
    }

    /** The page on screen again, e.g. after a save. */
    public void refresh() {
        load(page.get());
    }

    public void nextPage() {
        if (hasNextPage.get()) {
            load(page.get() + 1);
        }
    }

    public void previousPage() {
        if (hasPreviousPage.get()) {
            load(page.get() - 1);
        }
    }

    /** A user saved in the editor: their row shows what the server has now, without a round trip. */
    public void show(AdminUser saved) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id() == saved.id()) {
                rows.set(i, saved);
                return;
            }
        }
        refresh(); // a new user: where they sort is the server's business
    }

    private void load(int wanted) {
        long asked = ++generation;
        loading.set(true);
        UserQuery q = new UserQuery(query.get(), role.get(), active.get() == null ? null : active.get().active(),
                wanted, PAGE_SIZE);
        administration.users(q).whenCompleteAsync((answer, failure) -> {
            if (asked != generation) {
                return;
            }
            loading.set(false);
            if (failure != null) {
                problem.set(AdminFailures.describe(failure));
                return;
            }
            problem.set(null);
            show(answer);
        }, fxThread);
    }

    private void show(AdminPage<AdminUser> answer) {
        rows.setAll(answer.data());
        page.set(answer.pagination().page());
        totalPages.set(answer.pagination().totalPages());
        total.set(answer.pagination().total());
    }

    public ObservableList<AdminUser> rows() {
        return readOnlyRows;
    }

    public ReadOnlyIntegerProperty pageProperty() {
        return page.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty totalPagesProperty() {
        return totalPages.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why the list could not be loaded; null when it was. */
    public ReadOnlyObjectProperty<Message> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public BooleanBinding hasNextPage() {
        return hasNextPage;
    }

    public BooleanBinding hasPreviousPage() {
        return hasPreviousPage;
    }
}
