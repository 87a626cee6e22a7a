package dev.zvonok.app.admin;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.ToLongFunction;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * An administration list other than the users' (dealers, companies, lines, teams, the audit log): a search, an order
 * and a page at a time from the server. FX thread; an answer overtaken by a newer request is dropped.
 */
public final class ListingViewModel<T> {

    private final Listing<T> listing;
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ReadOnlyObjectWrapper<Sort> sort = new ReadOnlyObjectWrapper<>(this, "sort");
    private final ServerPages<T> pages;

    public ListingViewModel(Administration administration, Listing<T> listing, Executor fxThread) {
        Objects.requireNonNull(administration, "administration");
        this.listing = Objects.requireNonNull(listing, "listing");
        this.pages = new ServerPages<>(page -> administration.list(listing,
                new ListQuery(query.get(), page, ListQuery.PAGE_SIZE, sort.get())), fxThread);
    }

    public Listing<T> listing() {
        return listing;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public void search() {
        pages.first();
    }

    /** The server sorts the whole list (a sort of one page would mislead); page 1 of it then. Null: its own order. */
    public void sortBy(Sort wanted) {
        if (!Objects.equals(wanted, sort.get())) {
            sort.set(wanted);
            pages.first();
        }
    }

    public ReadOnlyObjectProperty<Sort> sortProperty() {
        return sort.getReadOnlyProperty();
    }

    /** The page on screen again, e.g. after a delete. */
    public void refresh() {
        pages.refresh();
    }

    /** A row saved in an editor: it shows what the server has now; a new row is placed by the server. */
    public void show(T saved, ToLongFunction<T> id) {
        long savedId = id.applyAsLong(saved);
        if (rows().stream().anyMatch(row -> id.applyAsLong(row) == savedId)) {
            pages.replaceAll(row -> id.applyAsLong(row) == savedId ? saved : row);
        } else {
            refresh();
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
