package dev.zvonok.app.stats;

import dev.zvonok.app.stats.StatsSource.ExportFormat;
import dev.zvonok.app.stats.StatsSource.Report;
import dev.zvonok.model.api.CountedIn;
import dev.zvonok.model.board.BoardOperator;
import dev.zvonok.model.board.BoardQueue;
import dev.zvonok.model.board.BoardSnapshot;
import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.stats.LineFigures;
import dev.zvonok.model.stats.OperatorFigures;
import dev.zvonok.model.stats.StatsOperators;
import dev.zvonok.model.stats.StatsSummary;
import dev.zvonok.model.stats.StatsTimeline;
import dev.zvonok.model.stats.TimelineBucket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Statistics view's state: the period and filters chosen, and the figures the server gave for them (summary,
 * timeline, operators), loaded together in the background. An answer to an older choice is dropped: what the screen
 * shows is always the last choice's. FX thread for every method; answers come back through {@code fxThread}.
 */
public final class StatisticsViewModel {

    private final StatsSource source;
    private final Executor fxThread;
    private final Clock clock;
    private final RecomputeRetry recompute;

    private final ObjectProperty<PeriodChoice> period = new SimpleObjectProperty<>(this, "period",
            PeriodChoice.TODAY);
    private final ObjectProperty<LocalDate> customFrom = new SimpleObjectProperty<>(this, "customFrom");
    private final ObjectProperty<LocalDate> customTo = new SimpleObjectProperty<>(this, "customTo");
    private final ObservableList<Choice> chosenOperators = FXCollections.observableArrayList();
    private final ObservableList<String> chosenTeams = FXCollections.observableArrayList();
    private final StringProperty line = new SimpleStringProperty(this, "line");
    private final StringProperty queue = new SimpleStringProperty(this, "queue");
    private final ObjectProperty<CallDirection> direction = new SimpleObjectProperty<>(this, "direction");
    /** Whether the Statistics view reloads as the choice changes; off while the view sets several at once. */
    private final BooleanProperty live = new SimpleBooleanProperty(this, "live", true);

    private final ObservableList<Choice> operators = FXCollections.observableArrayList();
    private final ObservableList<String> teams = FXCollections.observableArrayList();
    private final ObservableList<String> queues = FXCollections.observableArrayList();

    private final ReadOnlyObjectWrapper<StatsRequest> shown = new ReadOnlyObjectWrapper<>(this, "shown");
    private final ReadOnlyObjectWrapper<StatsSummary> summary = new ReadOnlyObjectWrapper<>(this, "summary");
    private final ReadOnlyObjectWrapper<StatsTimeline> timeline = new ReadOnlyObjectWrapper<>(this, "timeline");
    private final ObservableList<OperatorFigures> operatorFigures = FXCollections.observableArrayList();
    /** One wrapper, kept: it listens to its list weakly, so a fresh one per call could lose its listeners. */
    private final ObservableList<OperatorFigures> readOnlyFigures =
            FXCollections.unmodifiableObservableList(operatorFigures);
    private final ObservableList<LineFigures> lineFigures = FXCollections.observableArrayList();
    private final ObservableList<LineFigures> readOnlyLines = FXCollections.unmodifiableObservableList(lineFigures);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final AtomicInteger generation = new AtomicInteger();

    public StatisticsViewModel(StatsSource source, Executor fxThread, Clock clock) {
        this(source, fxThread, clock, RetryLater.never());
    }

    /** @param retryLater how the figures are asked again while the server recomputes its statistics */
    public StatisticsViewModel(StatsSource source, Executor fxThread, Clock clock, RetryLater retryLater) {
        this.recompute = new RecomputeRetry(retryLater, this::load);
        this.source = Objects.requireNonNull(source, "source");
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
        this.clock = Objects.requireNonNull(clock, "clock");
        Runnable reload = () -> {
            if (live.get() && shown.get() != null) {
                load();
            }
        };
        period.addListener((o, was, now) -> reload.run());
        customFrom.addListener((o, was, now) -> {
            if (period.get() == PeriodChoice.CUSTOM) {
                reload.run();
            }
        });
        customTo.addListener((o, was, now) -> {
            if (period.get() == PeriodChoice.CUSTOM) {
                reload.run();
            }
        });
        line.addListener((o, was, now) -> reload.run());
        queue.addListener((o, was, now) -> reload.run());
        direction.addListener((o, was, now) -> reload.run());
        chosenOperators.addListener((javafx.collections.ListChangeListener<Choice>) c -> reload.run());
        chosenTeams.addListener((javafx.collections.ListChangeListener<String>) c -> reload.run());
    }

    /** The period and filters chosen now. */
    public StatsRequest query() {
        DateRange days = period.get().range(LocalDate.now(clock), customFrom.get(), customTo.get());
        return new StatsRequest(days, chosenOperators.stream().map(Choice::id).toList(), List.copyOf(chosenTeams),
                line.get(), queue.get(), direction.get());
    }

    /** The first load, and the choices to filter by (who and which queues the board knows). */
    public void start() {
        load();
        source.choices().whenCompleteAsync((board, failure) -> {
            if (board != null) {
                choicesFrom(board);
            }
        }, fxThread);
    }

    private void choicesFrom(BoardSnapshot board) {
        operators.setAll(board.operators().stream()
                .map(o -> new Choice(o.userId(), o.name()))
                .sorted(java.util.Comparator.comparing(Choice::name, String.CASE_INSENSITIVE_ORDER)).toList());
        teams.setAll(new TreeSet<>(board.operators().stream().map(BoardOperator::teams).flatMap(Collection::stream)
                .toList()));
        queues.setAll(board.queues().stream().map(BoardQueue::name).sorted().toList());
    }

    /**
     * Asks for the figures of the choice now: summary, timeline and operators, shown together; the lines' table
     * fills in on its own answer (a table below the fold need not hold the tiles back).
     */
    public void load() {
        StatsRequest query = query();
        int asked = generation.incrementAndGet();
        shown.set(query);
        loading.set(true);
        problem.set(null);
        CompletableFuture<StatsSummary> s = source.summary(query);
        CompletableFuture<StatsTimeline> t = source.timeline(query, query.days().timelineBy());
        CompletableFuture<StatsOperators> o = source.operators(query);
        source.lines(query).whenCompleteAsync((lines, failure) -> {
            if (asked == generation.get() && lines != null) {
                lineFigures.setAll(lines.lines());
            } // a failure is said by the figures' own, asked of the same server at the same moment
        }, fxThread);
        CompletableFuture.allOf(s, t, o).whenCompleteAsync((done, failure) -> {
            if (asked != generation.get()) {
                return; // a later choice is being loaded: this one is no longer what the screen shows
            }
            loading.set(false);
            // the server recomputing is no failure: the figures shown stay, and the same choice is asked again
            if (recompute.answered(failure, () -> asked == generation.get())) {
                return;
            }
            if (failure != null) {
                problem.set(describe(failure));
                return;
            }
            summary.set(s.join());
            timeline.set(t.join());
            operatorFigures.setAll(o.join().operators());
        }, fxThread);
    }

    /**
     * Writes a report of the choice now to {@code file} in the background.
     *
     * @return done when the file is written; failed with what went wrong otherwise
     */
    public CompletableFuture<Path> export(Report report, ExportFormat format, Path file) {
        return source.export(report, query(), format).thenApply(bytes -> {
            try {
                return Files.write(file, bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * The calls behind a tile; null for the call-backs tile, whose numbers are the Call back tab's list
     * ({@link #drillDownToCallbacks}).
     */
    public JournalQuery drillDown(Kpi kpi) {
        JournalQuery calls = kpi.drillDown(shownOrChosen());
        return calls == null ? null : calls.operatorNamed(journal().operator());
    }

    /**
     * The question of the call-backs tile, for the call-back list to ask its numbers with (its missed and abandoned
     * calls nobody reached since are the tile's, by the server's one rule), the operators chosen named for its header.
     */
    public JournalQuery drillDownToCallbacks() {
        return journal();
    }

    /** The calls of one operator in the period shown: those the operators' figures count, theirs. */
    public JournalQuery drillDown(OperatorFigures operator) {
        return journal().countedBy(CountedIn.OPERATORS).operator(operator.userId()).operatorNamed(name(operator));
    }

    /**
     * The calls behind an operator's bars (answered, talk time): those with a part they answered, in the period and
     * filters shown — every direction, as the operators' figures count.
     */
    public JournalQuery drillDownToAnswered(OperatorFigures operator) {
        JournalQuery calls = journal().countedBy(CountedIn.OPERATORS);
        return calls.filter(calls.filter().answeredBy(operator.userId())).operatorNamed(name(operator));
    }

    /** An operator as the charts, the table and the journal name them: their name, else their login. */
    public static String name(OperatorFigures operator) {
        return operator.name() == null || operator.name().isBlank() ? operator.login() : operator.name();
    }

    /** The inbound calls of one line in the period shown: what its figures count. */
    public JournalQuery drillDown(LineFigures line) {
        JournalQuery calls = journal().direction(CallDirection.INBOUND);
        return calls.filter(calls.filter().line(line.line()));
    }

    /**
     * The calls behind a bar of the calls chart: the inbound calls that started in its stretch with its outcome, within
     * the filters shown — what the server counted for it.
     */
    public JournalQuery drillDown(TimelineBucket bucket, CallDisposition outcome) {
        return drillDown(bucket).status(Objects.requireNonNull(outcome, "outcome"));
    }

    /** The calls behind a point of the service level: the inbound calls that started in its stretch. */
    public JournalQuery drillDown(TimelineBucket bucket) {
        StatsTimeline shownTimeline = timeline.get();
        ZoneId zone = shownTimeline == null || shownTimeline.period() == null ? clock.getZone()
                : ZoneId.of(shownTimeline.period().timeZone());
        return journal().direction(CallDirection.INBOUND)
                .period(new JournalPeriod.Between(bucket.from(), bucket.to(), zone));
    }

    /**
     * The calls the summary of the choice shown counts, the operators chosen named for the journal's header (the
     * question carries their ids).
     */
    private JournalQuery journal() {
        StatsRequest stats = shownOrChosen();
        List<String> names = stats.operatorIds().stream().map(this::operatorName).toList();
        return JournalQuery.of(stats).operatorNamed(names.isEmpty() ? null : String.join(", ", names));
    }

    /** As the filter names the operator, else as the chosen ones do, else the id. */
    private String operatorName(long id) {
        return Stream.concat(operators.stream(), chosenOperators.stream())
                .filter(choice -> choice.id() == id).map(Choice::name).findFirst().orElse("#" + id);
    }

    /** The choice whose figures are shown: a drill-down lists the calls behind what is on the screen. */
    private StatsRequest shownOrChosen() {
        return shown.get() == null ? query() : shown.get();
    }

    static String describe(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof java.util.concurrent.ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** Period and filters are set without a reload for each: {@code batch} runs, then one load. */
    public void change(Runnable batch) {
        live.set(false);
        try {
            batch.run();
        } finally {
            live.set(true);
        }
        load();
    }

    public ObjectProperty<PeriodChoice> periodProperty() {
        return period;
    }

    public ObjectProperty<LocalDate> customFromProperty() {
        return customFrom;
    }

    public ObjectProperty<LocalDate> customToProperty() {
        return customTo;
    }

    public ObservableList<Choice> chosenOperators() {
        return chosenOperators;
    }

    public ObservableList<String> chosenTeams() {
        return chosenTeams;
    }

    public StringProperty lineProperty() {
        return line;
    }

    public StringProperty queueProperty() {
        return queue;
    }

    public ObjectProperty<CallDirection> directionProperty() {
        return direction;
    }

    /** Operators the board knows, to choose from. */
    public ObservableList<Choice> operators() {
        return operators;
    }

    public ObservableList<String> teams() {
        return teams;
    }

    public ObservableList<String> queues() {
        return queues;
    }

    /** The choice whose figures are shown (or being loaded). */
    public ReadOnlyObjectProperty<StatsRequest> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StatsSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StatsTimeline> timelineProperty() {
        return timeline.getReadOnlyProperty();
    }

    public ObservableList<OperatorFigures> operatorFigures() {
        return readOnlyFigures;
    }

    /** The inbound figures per line, the busiest first, as the server orders them. */
    public ObservableList<LineFigures> lineFigures() {
        return readOnlyLines;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why the last load failed; null when it did not, or when the server is recomputing its statistics. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** True while the last answer was the server recomputing its statistics: asked again by itself. */
    public ReadOnlyBooleanProperty recomputingProperty() {
        return recompute.recomputingProperty();
    }
}
