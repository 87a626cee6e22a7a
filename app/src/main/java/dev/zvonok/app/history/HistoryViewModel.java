package dev.zvonok.app.history;

import dev.zvonok.model.api.CallListItem;
import dev.zvonok.model.api.CallPage;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.directory.UserView;
import dev.zvonok.model.phone.PhoneNumbers;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The operator's own call history, newest first, a page at a time: period, disposition and a search box. A change of
 * any filter goes back to page 1; a number in the search box is a server-side filter, a name filters the loaded page.
 * All methods on the FX thread; answers come back through the injected executor, and an answer overtaken by a newer
 * request is dropped.
 */
public final class HistoryViewModel {

    public static final int PAGE_SIZE = 50;

    private final CallHistorySource source;
    private final UserView user;
    private final Executor fxThread;
    private final Clock clock;
    private final PhoneNumbers phones;

    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final ObjectProperty<Period> period = new SimpleObjectProperty<>(this, "period", Period.LAST_7_DAYS);
    private final ObjectProperty<LocalDate> customFrom = new SimpleObjectProperty<>(this, "customFrom");
    private final ObjectProperty<LocalDate> customTo = new SimpleObjectProperty<>(this, "customTo");
    private final ObjectProperty<CallDisposition> disposition = new SimpleObjectProperty<>(this, "disposition");
    private final BooleanProperty notesColumnShown = new SimpleBooleanProperty(this, "notesColumnShown");

    private final ObservableList<CallListItem> loaded = FXCollections.observableArrayList();
    private final FilteredList<CallListItem> rows = new FilteredList<>(loaded);
    /** One wrapper, kept: it listens to {@code rows} weakly, so a fresh one per call could lose its listeners. */
    private final ObservableList<CallListItem> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<Search> search = new ReadOnlyObjectWrapper<>(this, "search",
            new Search.Everything());
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyObjectWrapper<LoadProblem> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final ReadOnlyIntegerWrapper page = new ReadOnlyIntegerWrapper(this, "page", 1);
    private final ReadOnlyIntegerWrapper totalPages = new ReadOnlyIntegerWrapper(this, "totalPages", 0);
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper(this, "total", 0);
    private final BooleanBinding hasNextPage = Bindings.createBooleanBinding(
            () -> page.get() < totalPages.get(), page, totalPages);
    private final BooleanBinding hasPreviousPage = page.greaterThan(1);

    private HistoryQuery requested;
    private long generation;
    /** As the operator left the table; {@link #notesColumnShown} is its {@code notesShown}. */
    private HistoryColumns columns = HistoryColumns.defaults();
    private Consumer<HistoryColumns> columnsChanged = arranged -> { };

    /**
     * @param user  the logged-in user: the history is theirs, also for a supervisor
     * @param clock what "today" is, and in which zone days start: the operator's
     */
    public HistoryViewModel(CallHistorySource source, UserView user, Executor fxThread, Clock clock,
                            PhoneNumbers phones) {
        this.source = Objects.requireNonNull(source, "source");
        this.user = Objects.requireNonNull(user, "user");
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.phones = Objects.requireNonNull(phones, "phones");
        searchText.addListener((o, was, now) -> {
            search.set(Search.parse(now, phones));
            filtersChanged();
        });
        period.addListener((o, was, now) -> filtersChanged());
        customFrom.addListener((o, was, now) -> filtersChanged());
        customTo.addListener((o, was, now) -> filtersChanged());
        disposition.addListener((o, was, now) -> filtersChanged());
        notesColumnShown.addListener((o, was, now) -> arranged(columns.withNotesShown(now)));
    }

    /** The table as the operator left it last time (before the view is built: it arranges itself so). */
    public void restoreColumns(HistoryColumns restored) {
        columns = Objects.requireNonNull(restored, "restored");
        notesColumnShown.set(restored.notesShown());
    }

    /** The table as it is arranged now: the view builds itself so. */
    public HistoryColumns columns() {
        return columns;
    }

    /**
     * The view's columns in their order with their widths, after the operator moved or resized one (and after each
     * layout: what did not change is not told again).
     */
    public void columnsArranged(List<HistoryColumns.Column> arranged) {
        arranged(columns.withColumns(arranged));
    }

    /** Told every change of {@link #columns()}, on the FX thread: the keeper that writes them down. */
    public void onColumnsChanged(Consumer<HistoryColumns> listener) {
        columnsChanged = Objects.requireNonNull(listener, "listener");
    }

    private void arranged(HistoryColumns now) {
        if (!now.equals(columns)) {
            columns = now;
            columnsChanged.accept(now);
        }
    }

    /** Loads the current page again: at start, on F5, and when a call has ended. */
    public void refresh() {
        load(query(page.get()));
    }

    public void nextPage() {
        if (hasNextPage.get()) {
            load(query(page.get() + 1));
        }
    }

    public void previousPage() {
        if (hasPreviousPage.get()) {
            load(query(page.get() - 1));
        }
    }

    /** The query for a page with the filters as they are now. */
    public HistoryQuery query(int pageNumber) {
        LocalDate today = LocalDate.now(clock);
        Period chosen = period.get() == null ? Period.LAST_7_DAYS : period.get();
        String number = search.get() instanceof Search.ByNumber(String normalized) ? normalized : null;
        return new HistoryQuery(pageNumber, PAGE_SIZE,
                HistoryQuery.startOf(chosen.from(today, customFrom.get(), customTo.get()), clock.getZone()),
                HistoryQuery.endOf(chosen.to(today, customFrom.get(), customTo.get()), clock.getZone()),
                disposition.get(), user.id(), number);
    }

    private void filtersChanged() {
        rows.setPredicate(search.get() instanceof Search.ByName byName ? byName.matches() : null);
        HistoryQuery first = query(1);
        // a name typed letter by letter filters what is here: no request unless the server's part changed
        if (!first.equals(requested)) {
            load(first);
        }
    }

    private void load(HistoryQuery query) {
        requested = query;
        long mine = ++generation;
        loading.set(true);
        CompletableFuture<CallPage> answer = Answers.of(() -> source.calls(query), "the source");
        answer.whenComplete((calls, failure) -> fxThread.execute(() -> {
            if (mine != generation) {
                return; // overtaken by a newer request: its answer is the one to show
            }
            loading.set(false);
            if (failure != null) {
                problem.set(LoadProblem.of(failure));
                return;
            }
            problem.set(null);
            loaded.setAll(calls.data());
            page.set(calls.pagination().page());
            totalPages.set(calls.pagination().totalPages());
            total.set(calls.pagination().total());
        }));
    }

    /** The calls shown: the loaded page, narrowed by a name search. */
    public ObservableList<CallListItem> rows() {
        return readOnlyRows;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    /** The search as understood: by number (on the server) or by name (within the page). */
    public ReadOnlyObjectProperty<Search> searchProperty() {
        return search.getReadOnlyProperty();
    }

    public ObjectProperty<Period> periodProperty() {
        return period;
    }

    public ObjectProperty<LocalDate> customFromProperty() {
        return customFrom;
    }

    public ObjectProperty<LocalDate> customToProperty() {
        return customTo;
    }

    /** Null for any disposition. */
    public ObjectProperty<CallDisposition> dispositionProperty() {
        return disposition;
    }

    /**
     * Whether the table shows what operators wrote on each call. Off at first: the other columns fill a window of
     * ordinary size. Only a view's matter, no reload: every list item carries its notes preview.
     */
    public BooleanProperty notesColumnShownProperty() {
        return notesColumnShown;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why the last load failed; null after a success. The rows shown stay those of the last success. */
    public ReadOnlyObjectProperty<LoadProblem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty pageProperty() {
        return page.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty totalPagesProperty() {
        return totalPages.getReadOnlyProperty();
    }

    /** Calls matching the server-side filters, on all pages. */
    public ReadOnlyLongProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public BooleanBinding hasNextPageProperty() {
        return hasNextPage;
    }

    public BooleanBinding hasPreviousPageProperty() {
        return hasPreviousPage;
    }

    public UserView user() {
        return user;
    }

    public Clock clock() {
        return clock;
    }

    public PhoneNumbers phones() {
        return phones;
    }
}
