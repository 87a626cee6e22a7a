package dev.zvonok.app.stats;

import dev.zvonok.app.history.CallBackStatus;
import dev.zvonok.app.history.Dialer;
import dev.zvonok.app.history.LastCallBack;
import dev.zvonok.model.stats.CallbackItem;
import dev.zvonok.model.stats.StatsCallbacks;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The missed calls to call back: every number whose missed or abandoned calls of the period nobody has reached since,
 * who waited longest first, with "Call back" from the supervisor's own phone, or "Give to…" an operator of the
 * supervisor's teams (the board's operators: those the server lets them give calls to), who then has it in their app.
 * The server decides what "reached" is; once the list was asked for, it is read again whenever the board's counters say a call was recorded
 * ({@link #callsChanged()}: an operator's call back reaches the number on a phone that is not the supervisor's), when
 * one of the supervisor's own calls ends, and every {@link #REFRESH_SECONDS} s while shown, in case a board event was
 * lost. FX thread; answers through {@code fxThread}.
 */
public final class CallbacksViewModel {

    /** Numbers listed at most: a morning's work, not an archive. */
    public static final int LIMIT = 200;
    /** How often the list is read again while shown, for calls back made by others. */
    public static final int REFRESH_SECONDS = 30;

    private final StatsSource source;
    private final LastCallBack callBack;
    private final Executor fxThread;
    private final Clock clock;
    private final RecomputeRetry recompute;

    private final ObjectProperty<PeriodChoice> period = new SimpleObjectProperty<>(this, "period",
            PeriodChoice.LAST_7_DAYS);
    /** The Statistics view's figure this list stands for, its question instead of the period; null: the period's. */
    private final ReadOnlyObjectWrapper<JournalQuery> figure = new ReadOnlyObjectWrapper<>(this, "figure");
    private final ObservableList<CallbackItem> rows = FXCollections.observableArrayList();
    private final ObservableList<CallbackItem> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper(this, "total");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyObjectWrapper<AssignmentStatus> assignment = new ReadOnlyObjectWrapper<>(this,
            "assignment");
    private final ObservableList<Choice> assignees = FXCollections.observableArrayList();
    private final ObservableList<Choice> readOnlyAssignees = FXCollections.unmodifiableObservableList(assignees);
    private final AtomicInteger generation = new AtomicInteger();
    private boolean asked;
    private boolean assigneesAsked;

    public CallbacksViewModel(StatsSource source, Dialer dialer, Executor fxThread, Clock clock) {
        this(source, dialer, fxThread, clock, RetryLater.never());
    }

    /** @param retryLater how the list is asked again while the server recomputes its statistics */
    public CallbacksViewModel(StatsSource source, Dialer dialer, Executor fxThread, Clock clock,
                              RetryLater retryLater) {
        this.recompute = new RecomputeRetry(retryLater, this::refresh);
        this.source = Objects.requireNonNull(source, "source");
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
        this.callBack = new LastCallBack(dialer, fxThread);
        this.clock = Objects.requireNonNull(clock, "clock");
        period.addListener((o, was, now) -> {
            figure.set(null); // a period chosen here: the list of its days, no longer the figure's
            refresh();
        });
    }

    /** What the list asks the server: the figure's question while it stands for one, else the period's days. */
    public StatsRequest query() {
        JournalQuery shown = figure.get();
        return shown != null ? shown.counted().question()
                : StatsRequest.of(period.get().range(LocalDate.now(clock), null, null));
    }

    /**
     * The numbers behind the Statistics view's call-backs tile: its question (period, operators, teams, line, queue),
     * so that the list holds the calls the tile counts, until a period is chosen here or {@link #showPeriod()}.
     *
     * @param tile the tile's calls as the journal would carry them: its statistics' question is asked, and its period,
     *             operators and filters head the list
     */
    public void show(JournalQuery tile) {
        Objects.requireNonNull(tile.counted(), "a figure of the statistics");
        figure.set(tile);
        refresh();
    }

    /** Back to the list of the period chosen here. */
    public void showPeriod() {
        figure.set(null);
        refresh();
    }

    /** The Statistics view's figure the list stands for; null while it is the period's. */
    public ReadOnlyObjectProperty<JournalQuery> figureProperty() {
        return figure.getReadOnlyProperty();
    }

    /** Reads the list again; what it shows stays until the answer replaces it. */
    public void refresh() {
        asked = true;
        if (!assigneesAsked) {
            assigneesAsked = true;
            source.choices().whenCompleteAsync((board, failure) -> {
                if (board != null) {
                    assignees.setAll(board.operators().stream()
                            .map(o -> new Choice(o.userId(), o.name()))
                            .sorted(java.util.Comparator.comparing(Choice::name, String.CASE_INSENSITIVE_ORDER))
                            .toList());
                } else {
                    assigneesAsked = false; // asked again at the next read
                }
            }, fxThread);
        }
        int askedNow = generation.incrementAndGet();
        loading.set(true);
        CompletableFuture<StatsCallbacks> answer = source.callbacks(query(), 1, LIMIT);
        answer.whenCompleteAsync((list, failure) -> {
            if (askedNow != generation.get()) {
                return;
            }
            loading.set(false);
            if (recompute.answered(failure, () -> askedNow == generation.get())) {
                problem.set(null); // not a failure: the rows shown stay
                return;
            }
            if (failure != null) {
                problem.set(StatisticsViewModel.describe(failure));
                return;
            }
            problem.set(null);
            rows.setAll(list.items());
            total.set(list.total());
        }, fxThread);
    }

    /** A call was recorded somewhere: read the list again, if anybody has looked at it yet. */
    public void callsChanged() {
        if (asked) {
            refresh();
        }
    }

    /** Rings the supervisor's phone, which dials the number when picked up. */
    public void callBack(CallbackItem item) {
        callBack.callBack(item.number());
    }

    /** Gives the number to {@code operator} to call back; the list is read again once the server took it. */
    public void assign(CallbackItem item, Choice operator) {
        String number = item.number();
        source.assign(item.lastCallId(), operator.id()).whenCompleteAsync((done, failure) -> {
            assignment.set(failure == null
                    ? new AssignmentStatus(number, AssignmentStatus.Stage.DONE, done.userName(), null)
                    : new AssignmentStatus(number, AssignmentStatus.Stage.FAILED, operator.name(),
                    StatisticsViewModel.describe(failure)));
            refresh();
        }, fxThread);
    }

    /** Gives the number to nobody. */
    public void withdraw(CallbackItem item) {
        String number = item.number();
        source.withdraw(item.lastCallId()).whenCompleteAsync((done, failure) -> {
            assignment.set(failure == null
                    ? new AssignmentStatus(number, AssignmentStatus.Stage.WITHDRAWN, null, null)
                    : new AssignmentStatus(number, AssignmentStatus.Stage.FAILED, item.assignedToName(),
                    StatisticsViewModel.describe(failure)));
            refresh();
        }, fxThread);
    }

    /** Whom numbers can be given to: the operators of the supervisor's board, by name. */
    public ObservableList<Choice> assignees() {
        return readOnlyAssignees;
    }

    /** The last "Give to…" or "Take back": done, or why not. */
    public ReadOnlyObjectProperty<AssignmentStatus> assignmentProperty() {
        return assignment.getReadOnlyProperty();
    }

    public ObjectProperty<PeriodChoice> periodProperty() {
        return period;
    }

    public ObservableList<CallbackItem> rows() {
        return readOnlyRows;
    }

    /** Numbers to call back in all, on the server. */
    public ReadOnlyLongProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why the last read failed; null when it did not, or when the server is recomputing its statistics. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** True while the last answer was the server recomputing its statistics: asked again by itself. */
    public ReadOnlyBooleanProperty recomputingProperty() {
        return recompute.recomputingProperty();
    }

    /** The last "Call back": requested, the phone ringing, or failed. */
    public ReadOnlyObjectProperty<CallBackStatus> callBackProperty() {
        return callBack.statusProperty();
    }
}
