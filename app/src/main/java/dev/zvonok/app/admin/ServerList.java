package dev.zvonok.app.admin;

import dev.zvonok.model.admin.AdminPage;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.ToLongFunction;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * What every administration list shows: a search text, the server's order and a page at a time. The lists differ
 * only in their own filters, which their subclasses add. FX thread; an answer overtaken by a newer request is dropped.
 *
 * @param <T> a row
 */
public abstract class ServerList<T> {

    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ReadOnlyObjectWrapper<Sort> sort = new ReadOnlyObjectWrapper<>(this, "sort");
    private final ServerPages<T> pages;

    protected ServerList(Executor fxThread) {
        this.pages = new ServerPages<>(page -> fetch(query.get(), page, sort.get()), fxThread);
    }

    /** Asks the server for one page, with the subclass's own filters as they are at the time of the call. */
    protected abstract CompletionStage<AdminPage<T>> fetch(String query, int page, Sort sort);

    /** The search text; {@link #search()} asks the server (the view calls it as the admin pauses typing). */
    public StringProperty queryProperty() {
        return query;
    }

    /** Page 1 of what the filters say. */
    public void search() {
        pages.first();
    }

    /** The server sorts the whole list (a sort of one page would mislead); page 1 of it then. Null: its own order. */
    public void sortBy(Sort wanted) {
        if (!Objects.equals(wanted, sort.get())) {
            sort.set(wanted);
            search();
        }
    }

    public ReadOnlyObjectProperty<Sort> sortProperty() {
        return sort.getReadOnlyProperty();
    }

    /** The page on screen again, e.g. after a save or a delete. */
    public void refresh() {
        pages.refresh();
    }

    /** A row saved in an editor: it shows what the server has now; a new row is placed by the server. */
    protected void show(T saved, ToLongFunction<T> id) {
        long savedId = id.applyAsLong(saved);
        if (rows().stream().anyMatch(row -> id.applyAsLong(row) == savedId)) {
            pages.replaceAll(row -> id.applyAsLong(row) == savedId ? saved : row);
        } else {
            refresh(); // where a new row sorts is the server's business
        }
    }

    public void nextPage() {
        pages.next();
    }

    public void previousPage() {
        pages.previous();
    }

    public ObservableList<T> rows() {
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
