package dev.zvonok.app.board;

import dev.zvonok.app.live.ConnectionState;
import dev.zvonok.model.board.BoardReplica;
import dev.zvonok.model.board.BoardCall;
import dev.zvonok.model.board.BoardCallState;
import dev.zvonok.model.board.BoardOperator;
import dev.zvonok.model.board.BoardQueue;
import dev.zvonok.model.board.MemberState;
import dev.zvonok.model.board.OperatorState;
import dev.zvonok.model.board.QueueMember;
import dev.zvonok.model.board.WaitingCaller;
import dev.zvonok.model.directory.CallerView;
import dev.zvonok.model.stats.InboundCounters;
import dev.zvonok.model.stats.StatisticsState;
import dev.zvonok.model.ws.ServerMessage;
import java.text.CollationKey;
import java.text.Collator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
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
 * The supervisors' live board: the server's {@code board} snapshot and {@code board-changed} deltas in, the rows of
 * the operators' table, the queue panel, today's counters and the alerts out.
 *
 * <p>Two sides. {@link #accept} and {@link #connectionChanged} take the live connection's news on its delivery
 * thread: they only apply it to the board held here, under a lock, and never touch anything observable. A delta made
 * for another version than the board's is never applied: the board asks for a fresh snapshot
 * ({@code subscribe-board} again) and drops deltas until it comes. {@link #tick()} runs on the FX thread, as often as
 * the integrator likes; at most once a {@link #PASS_INTERVAL} by the injected clock it makes one pass: copies the
 * board, makes a new row only for each tile that changed since the last pass (the others are kept, their time in
 * state moved in place), applies filter, order and grouping again only when a row changed, and tells the table only
 * about the places whose row differs, in one change; queues, alarms and alerts are computed anew. However many
 * deltas came in between, the screen changes once a second, in one layout. A 1,000-operator board with hundreds of
 * changes a second so costs a pass the rows that changed, not a thousand new rows, sorted and set.
 *
 * <p>The filter, order, grouping, thresholds and mutes are the supervisor's own: changing one recomputes at once.
 */
public final class BoardViewModel {

    /** The board on screen changes at most this often. */
    public static final Duration PASS_INTERVAL = Duration.ofSeconds(1);
    /**
     * How early a tick may come and still make the pass. The app ticks every 250 ms, and a tick's delivery on the FX
     * thread varies by a few milliseconds: a pass due at 1,000 ms whose tick came at 998 ms waited for the next one,
     * so passes came 1.25 s apart and deltas reached the screen a quarter second later.
     */
    static final Duration TICK_JITTER = Duration.ofMillis(100);

    private static final List<OperatorState> STATE_ORDER = List.of(OperatorState.RINGING, OperatorState.TALKING,
            OperatorState.HOLD, OperatorState.WRAPUP, OperatorState.AVAILABLE, OperatorState.BREAK,
            OperatorState.OFFLINE);
    /** The call a tile shows when an operator has several: the one they talk on before one that rings. */
    private static final List<BoardCallState> CALL_ORDER = List.of(BoardCallState.TALKING, BoardCallState.HOLD,
            BoardCallState.RINGING, BoardCallState.WRAPUP);

    private final BoardSubscription subscription;
    private final Clock clock;
    private final UnaryOperator<String> numberDisplay;
    private final SpyViewModel spying;

    // the delivery thread's side, guarded by lock
    private final Object lock = new Object();
    private final BoardReplica board = new BoardReplica();
    private boolean wanted;
    private boolean connected;
    private boolean awaitingSnapshot;
    private boolean changed;
    private String subscribeRef;
    private long subscriptions;
    private String refusal;
    private long gaps;

    // the FX thread's side
    private List<BoardOperator> operators = List.of();
    private List<BoardQueue> boardQueues = List.of();
    private Instant lastPass;
    private final Set<String> raised = new HashSet<>();
    /** The rows of the last pass, by the board's order of operators; a row is kept while its tile stays the same. */
    private List<OperatorRow> rows = List.of();
    /** The board's operators the rows were made of: the same list again means nothing to compare. */
    private List<BoardOperator> rowsOf;
    /** Whether the filter, order or grouping have to be applied again: a row or a choice changed since. */
    private boolean reorder = true;
    private final Collator collator = Collator.getInstance(Locale.forLanguageTag("ru"));
    private final PatchableList<BoardLine> lines = new PatchableList<>();
    private final ObservableList<QueueRow> queues = FXCollections.observableArrayList();
    private final ObservableList<String> teams = FXCollections.observableArrayList();
    private final ObservableList<BoardAlert> alerts = FXCollections.observableArrayList();
    // one read-only view each, kept: a listener added to a view made per call would go with the view's garbage
    private final ObservableList<BoardLine> linesView = FXCollections.unmodifiableObservableList(lines);
    private final ObservableList<QueueRow> queuesView = FXCollections.unmodifiableObservableList(queues);
    private final ObservableList<String> teamsView = FXCollections.unmodifiableObservableList(teams);
    private final ObservableList<BoardAlert> alertsView = FXCollections.unmodifiableObservableList(alerts);
    private final ReadOnlyObjectWrapper<InboundCounters> counters = new ReadOnlyObjectWrapper<>(this, "counters");
    private final ReadOnlyObjectWrapper<Instant> dayStart = new ReadOnlyObjectWrapper<>(this, "dayStart");
    private final ReadOnlyBooleanWrapper statisticsRecomputing =
            new ReadOnlyBooleanWrapper(this, "statisticsRecomputing");
    private final ReadOnlyBooleanWrapper current = new ReadOnlyBooleanWrapper(this, "current");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyIntegerWrapper passes = new ReadOnlyIntegerWrapper(this, "passes");
    private final ReadOnlyIntegerWrapper shown = new ReadOnlyIntegerWrapper(this, "shown");
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(this, "total");
    private final ObjectProperty<Long> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<BoardOperator> selectedOperator =
            new ReadOnlyObjectWrapper<>(this, "selectedOperator");

    private final ObjectProperty<OperatorState> stateFilter = new SimpleObjectProperty<>(this, "stateFilter");
    private final StringProperty teamFilter = new SimpleStringProperty(this, "teamFilter");
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<OperatorSort> sort = new SimpleObjectProperty<>(this, "sort", OperatorSort.STATE);
    private final BooleanProperty groupByTeam = new SimpleBooleanProperty(this, "groupByTeam");
    private final ObjectProperty<BoardThresholds> thresholds;
    private final Map<AlertKind, BooleanProperty> muted = new EnumMap<>(AlertKind.class);

    /**
     * @param numberDisplay how a number is shown ({@code PhoneNumbers::display} in the app)
     */
    public BoardViewModel(BoardSubscription subscription, Clock clock, BoardThresholds thresholds,
                          UnaryOperator<String> numberDisplay) {
        this(subscription, clock, thresholds, numberDisplay, (ref, operatorId, mode) -> false, Runnable::run);
    }

    /**
     * @param spying   how listen / whisper / barge orders are sent
     * @param fxThread where their answers are applied: {@code FxThread} in the app, {@code Runnable::run} in tests
     */
    public BoardViewModel(BoardSubscription subscription, Clock clock, BoardThresholds thresholds,
                          UnaryOperator<String> numberDisplay, SpyControl spying, Executor fxThread) {
        this.spying = new SpyViewModel(spying, fxThread);
        // one choice of operator on the board: the one whose details show is the one listened to
        selected.addListener((property, was, now) -> this.spying.select(now));
        this.subscription = Objects.requireNonNull(subscription, "subscription");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.numberDisplay = Objects.requireNonNull(numberDisplay, "numberDisplay");
        this.thresholds = new SimpleObjectProperty<>(this, "thresholds", Objects.requireNonNull(thresholds));
        for (AlertKind kind : AlertKind.values()) {
            BooleanProperty mute = new SimpleBooleanProperty(this, "muted-" + kind);
            mute.addListener((o, was, now) -> recompute());
            muted.put(kind, mute);
        }
        stateFilter.addListener((o, was, now) -> recompute());
        teamFilter.addListener((o, was, now) -> recompute());
        search.addListener((o, was, now) -> recompute());
        sort.addListener((o, was, now) -> recompute());
        groupByTeam.addListener((o, was, now) -> recompute());
        this.thresholds.addListener((o, was, now) -> recompute());
        selected.addListener((o, was, now) -> selectedOperator.set(tileOf(now)));
    }

    // ------------------------------------------------------------------------------- the live side (any thread)

    /** The board is wanted: asks for it now, and again after every reconnect, until {@link #stop()}. */
    public void start() {
        synchronized (lock) {
            if (wanted) {
                return;
            }
            wanted = true;
        }
        askForSnapshot();
    }

    /** No more board: tells the server, forgets what it showed. */
    public void stop() {
        String ref;
        synchronized (lock) {
            wanted = false;
            awaitingSnapshot = false;
            board.forget();
            changed = true;
            ref = "unsubscribe-board-" + subscriptions;
        }
        subscription.unsubscribe(ref);
    }

    /** The live connection's state; the delivery thread. */
    public void connectionChanged(ConnectionState state) {
        spying.connectionChanged(state);
        boolean now = state instanceof ConnectionState.Connected;
        boolean ask;
        synchronized (lock) {
            ask = now && !connected && wanted;
            connected = now;
            if (!now) {
                // the server forgot this subscription with the socket: whatever comes next starts from a snapshot
                awaitingSnapshot = false;
                board.forget();
            }
            changed = true;
        }
        if (ask) {
            askForSnapshot();
        }
    }

    /** A server message; the delivery thread. Anything but the board's frames is ignored. */
    public void accept(ServerMessage message) {
        spying.accept(message);
        boolean ask = false;
        synchronized (lock) {
            switch (message) {
                case ServerMessage.Board snapshot -> {
                    board.reset(snapshot.board());
                    awaitingSnapshot = false;
                    refusal = null;
                    changed = true;
                }
                case ServerMessage.BoardChanged delta -> {
                    if (!wanted || awaitingSnapshot || !connected) {
                        // made for a board we no longer have (a late frame of a lost socket), or the snapshot on
                        // its way supersedes it
                        return;
                    }
                    if (board.apply(delta.change()) == BoardReplica.Applied.GAP) {
                        gaps++;
                        ask = true;
                    } else {
                        changed = true;
                    }
                }
                case ServerMessage.Error error when error.ref() != null && error.ref().equals(subscribeRef) -> {
                    awaitingSnapshot = false;
                    refusal = error.message() == null || error.message().isBlank() ? error.code() : error.message();
                    changed = true;
                }
                default -> {
                }
            }
        }
        if (ask) {
            askForSnapshot();
        }
    }

    private void askForSnapshot() {
        String ref;
        synchronized (lock) {
            if (!wanted) {
                return;
            }
            subscriptions++;
            ref = "subscribe-board-" + subscriptions;
            subscribeRef = ref;
            awaitingSnapshot = true;
        }
        subscription.subscribe(ref);
    }

    // ------------------------------------------------------------------------------- the screen's side (FX thread)

    /**
     * The integrator's periodic call (FX thread): makes a pass when the last one is {@link #PASS_INTERVAL} old by the
     * clock (less {@link #TICK_JITTER}). Every pass recomputes the times, so a pass a second is made even when nothing changed.
     */
    public void tick() {
        Instant now = clock.instant();
        if (lastPass != null && Duration.between(lastPass, now).compareTo(PASS_INTERVAL.minus(TICK_JITTER)) < 0) {
            return;
        }
        lastPass = now;
        boolean fresh;
        synchronized (lock) {
            fresh = changed;
            if (changed) {
                operators = board.hasSnapshot() ? board.operators() : operators;
                boardQueues = board.hasSnapshot() ? board.queues() : boardQueues;
                if (board.hasSnapshot()) {
                    counters.set(board.counters());
                    dayStart.set(board.dayStart());
                    statisticsRecomputing.set(board.statistics() == StatisticsState.RECOMPUTING);
                }
                current.set(board.hasSnapshot() && connected);
                problem.set(refusal);
                changed = false;
            }
        }
        project(now, fresh);
    }

    /** Applies a change of the supervisor's own choices at once, with the times of the last pass. */
    private void recompute() {
        reorder = true;
        project(lastPass == null ? clock.instant() : lastPass, true);
    }

    /**
     * One pass. Only the rows of tiles that changed since the last pass are made anew; the others are kept and only
     * their time in state moves. The filter and order are applied again only when a row or a choice changed (the
     * order by time in state is the order by since, which only a changed tile changes), and the table is told only
     * about the places whose row differs.
     */
    private void project(Instant now, boolean teamsMayHaveChanged) {
        BoardThresholds limits = thresholds.get();
        List<OperatorRow> all = rows(now);
        if (teamsMayHaveChanged) {
            Set<String> names = new TreeSet<>(collator);
            all.forEach(row -> names.addAll(row.teams()));
            if (!teams.equals(List.copyOf(names))) {
                teams.setAll(names);
            }
        }
        if (reorder) {
            reorder = false;
            List<OperatorRow> passing = new ArrayList<>(all.size());
            for (OperatorRow row : all) {
                if (passesFilter(row)) {
                    passing.add(row);
                }
            }
            passing.sort(order());
            lines.patch(groupByTeam.get() ? grouped(passing) : passing);
            shown.set(passing.size());
            total.set(all.size());
        }
        spying.rows(all);

        List<QueueRow> queueRows = new ArrayList<>(boardQueues.size());
        for (BoardQueue queue : boardQueues) {
            queueRows.add(queueRow(queue, now, limits));
        }
        queues.setAll(queueRows);
        raiseAlerts(all, queueRows, limits);
        selectedOperator.set(tileOf(selected.get())); // an equal tile changes nothing: no reload behind it
        passes.set(passes.get() + 1);
    }

    /** The board's operators as rows: the last pass's row of every tile unchanged since, a new one of the others. */
    private List<OperatorRow> rows(Instant now) {
        if (operators == rowsOf) { // no news from the board since: only the times move
            for (OperatorRow row : rows) {
                row.updateTimeInState(since(row.since(), now));
            }
            return rows;
        }
        rowsOf = operators;
        Map<Long, OperatorRow> before = new HashMap<>(rows.size() * 2);
        for (OperatorRow row : rows) {
            before.put(row.userId(), row);
        }
        List<OperatorRow> fresh = new ArrayList<>(operators.size());
        boolean changed = operators.size() != rows.size();
        for (BoardOperator operator : operators) {
            OperatorRow row = before.get(operator.userId());
            if (row != null && row.shows(operator)) {
                row.updateTimeInState(since(operator.since(), now));
            } else {
                row = row(operator, row, now);
                changed = true;
            }
            fresh.add(row);
        }
        if (changed) {
            reorder = true;
            rows = List.copyOf(fresh);
        }
        return rows;
    }

    /** The chosen operator's tile on the board now; null when nobody is chosen or they left the board. */
    private BoardOperator tileOf(Long userId) {
        if (userId == null) {
            return null;
        }
        for (BoardOperator operator : operators) {
            if (operator.userId() == userId) {
                return operator;
            }
        }
        return null;
    }

    /** @param before the operator's row of the last pass, or null: its name's collation key serves again */
    private OperatorRow row(BoardOperator operator, OperatorRow before, Instant now) {
        BoardCall call = operator.calls().stream()
                .min(Comparator.comparingInt(c -> c.state() == null ? CALL_ORDER.size() : CALL_ORDER.indexOf(c.state())))
                .orElse(null);
        String name = operator.name() == null ? "" : operator.name();
        // a tile changes its state several times a call and its name almost never: a key costs the collator's work
        CollationKey nameKey = before != null && before.nameKey().getSourceString().equals(name) ? before.nameKey()
                : collator.getCollationKey(name);
        return new OperatorRow(operator, nameKey,
                String.join(", ", operator.extensions()),
                call == null ? null : who(call.caller(), call.callerNumber()),
                call == null ? null : call.callerNumber(),
                call == null ? null : call.state(),
                call == null || call.line() == null ? null : call.line().name(),
                since(operator.since(), now));
    }

    private String who(CallerView caller, String number) {
        if (caller != null && caller.name() != null && !caller.name().isBlank()) {
            return caller.name();
        }
        return number == null ? null : numberDisplay.apply(number);
    }

    private static Duration since(Instant since, Instant now) {
        if (since == null) {
            return Duration.ZERO;
        }
        Duration elapsed = Duration.between(since, now);
        return elapsed.isNegative() ? Duration.ZERO : elapsed; // a server clock a little ahead of ours
    }

    private boolean passesFilter(OperatorRow row) {
        if (stateFilter.get() != null && row.state() != stateFilter.get()) {
            return false;
        }
        if (teamFilter.get() != null && !row.teams().contains(teamFilter.get())) {
            return false;
        }
        String wanted = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            return true;
        }
        String digits = wanted.replaceAll("\\D", "");
        return contains(row.name(), wanted) || contains(row.caller(), wanted) || contains(row.line(), wanted)
                || (!digits.isEmpty() && digits.length() == wanted.replaceAll("[\\s()+-]", "").length()
                && (contains(row.extensions(), digits) || contains(row.callerNumber(), digits)));
    }

    private static boolean contains(String text, String part) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(part);
    }

    private Comparator<OperatorRow> order() {
        Comparator<OperatorRow> byName = Comparator.comparing(OperatorRow::nameKey);
        return switch (sort.get() == null ? OperatorSort.STATE : sort.get()) {
            case NAME -> byName;
            case STATE -> Comparator.<OperatorRow>comparingInt(row -> stateRank(row.state())).thenComparing(byName);
            case TIME_IN_STATE -> Comparator.comparing(OperatorRow::timeInState).reversed().thenComparing(byName);
        };
    }

    private static int stateRank(OperatorState state) {
        int rank = STATE_ORDER.indexOf(state);
        return rank < 0 ? STATE_ORDER.size() : rank;
    }

    /** Each team's heading over its operators, teams by name, the operators in no team last. */
    private List<BoardLine> grouped(List<OperatorRow> rows) {
        Map<String, List<OperatorRow>> byTeam = new LinkedHashMap<>();
        for (String team : teams) {
            byTeam.put(team, new ArrayList<>());
        }
        List<OperatorRow> teamless = new ArrayList<>();
        for (OperatorRow row : rows) {
            if (row.teams().isEmpty()) {
                teamless.add(row);
            }
            for (String team : row.teams()) {
                byTeam.computeIfAbsent(team, t -> new ArrayList<>()).add(row);
            }
        }
        List<BoardLine> lines = new ArrayList<>(rows.size() + byTeam.size() + 1);
        byTeam.forEach((team, members) -> addGroup(lines, team, members));
        addGroup(lines, null, teamless);
        return lines;
    }

    private static void addGroup(List<BoardLine> lines, String team, List<OperatorRow> members) {
        if (members.isEmpty()) {
            return;
        }
        int available = (int) members.stream().filter(row -> row.state() == OperatorState.AVAILABLE).count();
        lines.add(new TeamHeading(team, members.size(), available));
        lines.addAll(members);
    }

    private QueueRow queueRow(BoardQueue queue, Instant now, BoardThresholds limits) {
        List<WaitingRow> waiting = new ArrayList<>(queue.waiting().size());
        Duration longest = Duration.ZERO;
        for (WaitingCaller caller : queue.waiting()) {
            Duration wait = since(caller.since(), now);
            if (wait.compareTo(longest) > 0) {
                longest = wait;
            }
            waiting.add(new WaitingRow(caller.callId(), who(caller.caller(), caller.callerNumber()),
                    caller.callerNumber(), caller.position(), wait, limits.alarm(wait)));
        }
        int free = 0;
        for (QueueMember member : queue.members()) {
            if (!member.paused() && member.state() == MemberState.NOT_IN_USE) {
                free++;
            }
        }
        return new QueueRow(queue.name(), waiting, longest, limits.alarm(longest), free, queue.members().size(),
                queue.counters());
    }

    /**
     * The alerts of this pass: those still true stay, those over go, those past their threshold for the first time
     * come in (once per episode: a dismissed alert does not come back).
     */
    private void raiseAlerts(List<OperatorRow> rows, List<QueueRow> queueRows, BoardThresholds limits) {
        Map<String, BoardAlert> now = new LinkedHashMap<>();
        if (!isMuted(AlertKind.CALLER_WAITING)) {
            for (QueueRow queue : queueRows) {
                for (WaitingRow caller : queue.waiting()) {
                    if (caller.waited().compareTo(limits.callerWaitingAlert()) >= 0) {
                        String key = "waiting:" + caller.callId();
                        now.putIfAbsent(key, new BoardAlert(AlertKind.CALLER_WAITING, key, caller.caller(),
                                queue.name(), lastPassOr(caller.waited())));
                    }
                }
            }
        }
        if (!isMuted(AlertKind.LONG_WRAPUP)) {
            for (OperatorRow row : rows) {
                if (row.state() == OperatorState.WRAPUP && row.timeInState().compareTo(limits.wrapupAlert()) >= 0) {
                    String key = "wrapup:" + row.userId() + "@" + row.since();
                    now.putIfAbsent(key, new BoardAlert(AlertKind.LONG_WRAPUP, key, row.name(), null, row.since()));
                }
            }
        }
        if (!isMuted(AlertKind.UNANSWERED_RINGS)) {
            for (OperatorRow row : rows) {
                if (row.unansweredInARow() >= limits.unansweredRingsAlert()) {
                    // one episode until the operator answers a call again (the count goes back to 0)
                    String key = "unanswered:" + row.userId();
                    now.putIfAbsent(key, new BoardAlert(AlertKind.UNANSWERED_RINGS, key, row.name(), null,
                            row.since(), row.unansweredInARow()));
                }
            }
        }
        raised.retainAll(now.keySet()); // an episode that ended may start again
        alerts.removeIf(alert -> !now.containsKey(alert.key()));
        for (BoardAlert alert : now.values()) {
            if (raised.add(alert.key())) {
                alerts.add(alert);
            }
        }
    }

    private Instant lastPassOr(Duration ago) {
        Instant at = lastPass == null ? clock.instant() : lastPass;
        return at.minus(ago);
    }

    /** The supervisor closed an alert: it does not come back for this episode. */
    public void dismiss(BoardAlert alert) {
        alerts.remove(alert);
    }

    public boolean isMuted(AlertKind kind) {
        return muted.get(kind).get();
    }

    public BooleanProperty mutedProperty(AlertKind kind) {
        return muted.get(kind);
    }

    /** The thresholds and mutes as the supervisor left them. */
    public BoardPreferences preferences() {
        Set<AlertKind> mutedNow = java.util.EnumSet.noneOf(AlertKind.class);
        muted.forEach((kind, mute) -> {
            if (mute.get()) {
                mutedNow.add(kind);
            }
        });
        return new BoardPreferences(thresholds.get(), mutedNow);
    }

    /** The thresholds and mutes the supervisor stored, e.g. before the last restart. */
    public void restore(BoardPreferences preferences) {
        thresholds.set(preferences.thresholds());
        muted.forEach((kind, mute) -> mute.set(preferences.muted().contains(kind)));
    }

    /** {@code listener} hears every change of a threshold or a mute, with all of them as they are then. */
    public void onPreferencesChanged(java.util.function.Consumer<BoardPreferences> listener) {
        thresholds.addListener((o, was, now) -> listener.accept(preferences()));
        muted.values().forEach(mute -> mute.addListener((o, was, now) -> listener.accept(preferences())));
    }

    // ------------------------------------------------------------------------------- what the view binds to

    /** Listen, whisper, barge on the operator selected on the board. */
    public SpyViewModel spying() {
        return spying;
    }

    /**
     * The operators' table: rows, with team headings when grouped. Changed at most once per pass, in one change event
     * that replaces only the places whose row differs; a row stays the same object while its operator's tile does.
     */
    public ObservableList<BoardLine> lines() {
        return linesView;
    }

    public ObservableList<QueueRow> queues() {
        return queuesView;
    }

    /** Every team on the board, by name: the team filter's choices. */
    public ObservableList<String> teams() {
        return teamsView;
    }

    /** The alerts raised and still true, oldest first. */
    public ObservableList<BoardAlert> alerts() {
        return alertsView;
    }

    /** Today's counters over every queue and line the supervisor sees; null until the first snapshot. */
    public ReadOnlyObjectProperty<InboundCounters> countersProperty() {
        return counters.getReadOnlyProperty();
    }

    /**
     * True while the server recomputes its statistics: the counters are blank or the last ones counted, and the board
     * says why in words until the server tells it the recompute ended.
     */
    public ReadOnlyBooleanProperty statisticsRecomputingProperty() {
        return statisticsRecomputing.getReadOnlyProperty();
    }

    /**
     * Where the server's business day began: "today" of the counters and of an operator's calls, in the call centre's
     * time zone and day boundary (not the supervisor's calendar); null until the first snapshot.
     */
    public ReadOnlyObjectProperty<Instant> dayStartProperty() {
        return dayStart.getReadOnlyProperty();
    }

    /** Whether the board on screen is live: connected, and a snapshot came since. */
    public ReadOnlyBooleanProperty currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** Why the server refused the board, as it said; null when it did not. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** How many passes changed the screen: once a second at most while the board is live. */
    public ReadOnlyIntegerProperty passesProperty() {
        return passes.getReadOnlyProperty();
    }

    /** Operators passing the filter. */
    public ReadOnlyIntegerProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** Operators on the board. */
    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** Only operators in this state; null for all. */
    public ObjectProperty<OperatorState> stateFilterProperty() {
        return stateFilter;
    }

    /** Only operators of this team; null for all. */
    public StringProperty teamFilterProperty() {
        return teamFilter;
    }

    /** Part of a name, an extension, a caller's name or number, a line. */
    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<OperatorSort> sortProperty() {
        return sort;
    }

    public BooleanProperty groupByTeamProperty() {
        return groupByTeam;
    }

    /**
     * The operator the supervisor clicked, by user id: kept across the passes that replace the table's rows, so the
     * table selects them again; null for nobody.
     */
    public ObjectProperty<Long> selectedUserIdProperty() {
        return selected;
    }

    /** The chosen operator's tile as of the last pass; null for nobody (or an operator no longer on the board). */
    public ReadOnlyObjectProperty<BoardOperator> selectedOperatorProperty() {
        return selectedOperator.getReadOnlyProperty();
    }

    public ObjectProperty<BoardThresholds> thresholdsProperty() {
        return thresholds;
    }

    /** How many deltas did not apply to the board (each asked for a fresh snapshot); for tests and logs. */
    public long gaps() {
        synchronized (lock) {
            return gaps;
        }
    }
}
