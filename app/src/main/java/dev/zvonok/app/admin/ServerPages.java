package dev.zvonok.app.admin;

import dev.zvonok.model.admin.AdminPage;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A list the server pages: one page of rows at a time, where it stands among the pages, whether it is loading and why
 * it could not be loaded. Every administration list is one, whatever its filters. FX thread; answers come back
 * through the injected executor, and an answer overtaken by a newer request is dropped.
 *
 * @param <T> a row
 */
final class ServerPages<T> {

    private final IntFunction<CompletionStage<AdminPage<T>>> fetch;
    private final Executor fxThread;
    private final ObservableList<T> rows = FXCollections.observableArrayList();
    private final ObservableList<T> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyIntegerWrapper page = new ReadOnlyIntegerWrapper(this, "page", 1);
    private final ReadOnlyIntegerWrapper totalPages = new ReadOnlyIntegerWrapper(this, "totalPages", 0);
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper(this, "total", 0);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyObjectWrapper<Message> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final BooleanBinding hasNextPage = Bindings.createBooleanBinding(
            () -> page.get() < totalPages.get(), page, totalPages);
    private final BooleanBinding hasPreviousPage = page.greaterThan(1);
    private long generation;

    /** @param fetch asks the server for a page (1 is the first) with the filters as they are when it is called */
    ServerPages(IntFunction<CompletionStage<AdminPage<T>>> fetch, Executor fxThread) {
        this.fetch = Objects.requireNonNull(fetch, "fetch");
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
    }

    /** Page 1 of what the filters say. */
    void first() {
        load(1);
    }

    /** The page on screen again, e.g. after a save. */
    void refresh() {
        load(page.get());
    }

    void next() {
        if (hasNextPage.get()) {
            load(page.get() + 1);
        }
    }

    void previous() {
        if (hasPreviousPage.get()) {
            load(page.get() - 1);
        }
    }

    /** Each row on screen as {@code change} has it: what was saved shows at once, without a round trip. */
    void replaceAll(UnaryOperator<T> change) {
        rows.replaceAll(change);
    }

    private void load(int wanted) {
        long asked = ++generation;
        loading.set(true);
        fetch.apply(wanted).whenCompleteAsync((answer, failure) -> {
            if (asked != generation) {
                return;
            }
            loading.set(false);
            if (failure != null) {
                problem.set(AdminFailures.describe(failure));
                return;
            }
            problem.set(null);
            rows.setAll(answer.data());
            page.set(answer.pagination().page());
            totalPages.set(answer.pagination().totalPages());
            total.set(answer.pagination().total());
        }, fxThread);
    }

    ObservableList<T> rows() {
        return readOnlyRows;
    }

    ReadOnlyIntegerProperty pageProperty() {
        return page.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty totalPagesProperty() {
        return totalPages.getReadOnlyProperty();
    }

    ReadOnlyLongProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why the list could not be loaded; null when it was. */
    ReadOnlyObjectProperty<Message> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    BooleanBinding hasNextPage() {
        return hasNextPage;
    }

    BooleanBinding hasPreviousPage() {
        return hasPreviousPage;
    }
}
