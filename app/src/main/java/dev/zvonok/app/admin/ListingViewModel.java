package dev.zvonok.app.admin;

import dev.zvonok.model.admin.AdminPage;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A read-only administration list (dealers, companies, lines, teams, the audit log): a search and a page at a time
 * from the server. FX thread; an answer overtaken by a newer request is dropped.
 */
public final class ListingViewModel<T> {

    private final Administration administration;
    private final Listing<T> listing;
    private final Executor fxThread;
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<T> rows = FXCollections.observableArrayList();
    private final ObservableList<T> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyIntegerWrapper page = new ReadOnlyIntegerWrapper(this, "page", 1);
    private final ReadOnlyIntegerWrapper totalPages = new ReadOnlyIntegerWrapper(this, "totalPages", 0);
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper(this, "total", 0);
    private final ReadOnlyObjectWrapper<Message> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final BooleanBinding hasNextPage = Bindings.createBooleanBinding(
            () -> page.get() < totalPages.get(), page, totalPages);
    private final BooleanBinding hasPreviousPage = page.greaterThan(1);
    private long generation;

    public ListingViewModel(Administration administration, Listing<T> listing, Executor fxThread) {
        this.administration = Objects.requireNonNull(administration, "administration");
        this.listing = Objects.requireNonNull(listing, "listing");
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
    }

    public Listing<T> listing() {
        return listing;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public void search() {
        load(1);
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

    private void load(int wanted) {
        long asked = ++generation;
        administration.list(listing, query.get(), wanted).whenCompleteAsync((answer, failure) -> {
            if (asked != generation) {
                return;
            }
            if (failure != null) {
                problem.set(AdminFailures.describe(failure));
                return;
            }
            problem.set(null);
            show(answer);
        }, fxThread);
    }

    private void show(AdminPage<T> answer) {
        rows.setAll(answer.data());
        page.set(answer.pagination().page());
        totalPages.set(answer.pagination().totalPages());
        total.set(answer.pagination().total());
    }

    public ObservableList<T> rows() {
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
