package dev.zvonok.app.stats;

import dev.zvonok.model.api.CallListItem;
import dev.zvonok.model.api.CallPage;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The call journal a statistics figure drills down to: the calls behind it, filtered and counted by the server, a page
 * at a time ("More" follows the page's cursor), narrowed by a name typed in. FX thread; answers through
 * {@code fxThread}, an answer to an older question dropped.
 */
public final class JournalViewModel {

    private final StatsSource source;
    private final Executor fxThread;

    private final ObservableList<CallListItem> rows = FXCollections.observableArrayList();
    private final ObservableList<CallListItem> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<JournalQuery> query = new ReadOnlyObjectWrapper<>(this, "query");
    private final StringProperty name = new SimpleStringProperty(this, "name");
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper(this, "total");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper more = new ReadOnlyBooleanWrapper(this, "more");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final AtomicInteger generation = new AtomicInteger();
    private String next;

    public JournalViewModel(StatsSource source, Executor fxThread) {
        this.source = Objects.requireNonNull(source, "source");
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
    }

    /** Lists the calls of {@code asked}, from the newest; the name typed stays and narrows them too. */
    public void show(JournalQuery asked) {
        query.set(Objects.requireNonNull(asked, "asked"));
        ask(false);
    }

    /** Lists again with the name typed now (Enter in the search field). */
    public void search() {
        if (query.get() != null) {
            ask(false);
        }
    }

    /** The page after the last one shown, added below it. */
    public void more() {
        if (next != null && !loading.get()) {
            ask(true);
        }
    }

    private void ask(boolean appending) {
        JournalQuery base = query.get();
        JournalQuery asked = base.filter(base.filter().name(name.get())).after(appending ? next : null);
        int generationAsked = generation.incrementAndGet();
        loading.set(true);
        problem.set(null);
        CompletableFuture<CallPage> answer = source.journal(asked);
        answer.whenCompleteAsync((page, failure) -> {
            if (generationAsked != generation.get()) {
                return;
            }
            loading.set(false);
            if (failure != null) {
                problem.set(StatisticsViewModel.describe(failure));
                return;
            }
            if (appending) {
                rows.addAll(page.data());
            } else {
                rows.setAll(page.data());
            }
            total.set(page.pagination().total());
            next = page.next();
            more.set(next != null);
        }, fxThread);
    }

    public ObservableList<CallListItem> rows() {
        return readOnlyRows;
    }

    public ReadOnlyObjectProperty<JournalQuery> queryProperty() {
        return query.getReadOnlyProperty();
    }

    /** The caller's or an operator's name, or part of it; the server searches. */
    public StringProperty nameProperty() {
        return name;
    }

    /** How many calls match, on the server: not just those loaded. */
    public ReadOnlyLongProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Whether there are calls after those shown. */
    public ReadOnlyBooleanProperty moreProperty() {
        return more.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
