package dev.zvonok.app.admin;

import dev.zvonok.model.admin.AdminPage;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.ToLongFunction;

/**
 * An administration list other than the users' (dealers, companies, lines, teams, the audit log): only the search
 * and the order filter it.
 */
public final class ListingViewModel<T> extends ServerList<T> {

    private final Administration administration;
    private final Listing<T> listing;

    public ListingViewModel(Administration administration, Listing<T> listing, Executor fxThread) {
        super(fxThread);
        this.administration = Objects.requireNonNull(administration, "administration");
        this.listing = Objects.requireNonNull(listing, "listing");
    }

    @Override
    protected CompletionStage<AdminPage<T>> fetch(String query, int page, Sort sort) {
        return administration.list(listing, new ListQuery(query, page, ListQuery.PAGE_SIZE, sort));
    }

    public Listing<T> listing() {
        return listing;
    }

    @Override
    public void show(T saved, ToLongFunction<T> id) {
        super.show(saved, id);
    }
}
