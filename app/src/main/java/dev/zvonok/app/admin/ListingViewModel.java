package dev.zvonok.app.admin;

import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * A read-only administration list (dealers, companies, lines, teams, the audit log): a search and a page at a time
 * from the server. FX thread; an answer overtaken by a newer request is dropped.
 */
public final class ListingViewModel<T> {

    private final Listing<T> listing;
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ServerPages<T> pages;

    public ListingViewModel(Administration administration, Listing<T> listing, Executor fxThread) {
        Objects.requireNonNull(administration, "administration");
        this.listing = Objects.requireNonNull(listing, "listing");
        this.pages = new ServerPages<>(page -> administration.list(listing, query.get(), page), fxThread);
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
