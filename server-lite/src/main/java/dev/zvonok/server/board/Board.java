package dev.zvonok.server.board;


import dev.zvonok.model.board.BoardChange;
import dev.zvonok.model.board.BoardOperator;
import dev.zvonok.model.board.BoardQueue;
import dev.zvonok.model.board.BoardSnapshot;
import dev.zvonok.model.board.OperatorChange;
import dev.zvonok.model.board.QueueChange;
import dev.zvonok.model.directory.Role;
import dev.zvonok.model.stats.InboundCounters;
import dev.zvonok.model.stats.StatisticsState;
import dev.zvonok.server.calls.OpenCard;
import dev.zvonok.server.directory.Directory;
import dev.zvonok.server.directory.DirectoryChangeListener;
import dev.zvonok.server.directory.User;
import dev.zvonok.server.tracking.CallEvent;
import dev.zvonok.server.tracking.CallEventListener;
import dev.zvonok.server.workstatus.CurrentStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live board: keeps every operator's state ({@link OperatorStates}) and sends each subscribed viewer what they
 * may see of it — a snapshot, then changes.
 *
 * <p>Everything happens on one thread, in the order it was submitted: call events (from the tracking thread, in PBX
 * order), the operators' connections and work statuses, finished cards, subscriptions. Changes are not sent as they
 * happen but collected and sent once per {@link #window}: a supervisor gets at most a few frames a second however
 * busy the PBX, each holding what changed in the tiles and queues they have (whole ones only for those that came
 * into view), and nothing when nothing they see changed. Versions
 * count per subscription without gaps, so a client that misses a frame knows it and subscribes again.
 */
public final class Board implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Board.class);

    /** How long changes are collected before they go out: a few frames a second, and still "instant" to the eye. */
    public static final Duration WINDOW = Duration.ofMillis(300);
    /** How long {@code GET /api/board} waits for the board's thread. */
    private static final Duration SNAPSHOT_PATIENCE = Duration.ofSeconds(5);

    private final Directory directory;
    private final OperatorStates states;
    private final QueueSource queueSource;
    private final TodayCountersSource counters;
    private final Clock clock;
    private final Duration window;
    private final ScheduledExecutorService thread =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("board").daemon(true).factory());
    private final AtomicBoolean queuesChanged = new AtomicBoolean(true);
    private final AtomicBoolean countersChanged = new AtomicBoolean(true);
    private final AtomicBoolean directoryChanged = new AtomicBoolean();

    // the board thread's own
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    private List<BoardQueue> queues;

    public Board(Directory directory, QueueSource queues, TodayCountersSource counters, Clock clock, Duration window) {
        this.directory = directory;
        this.states = new OperatorStates(new DirectoryBoard(directory));
        this.queueSource = queues;
        this.counters = counters;
        this.clock = clock;
        this.window = window;
        queues.onChange(() -> queuesChanged.set(true));
        counters.onChange(() -> countersChanged.set(true));
    }

    public Board start() {
        thread.scheduleWithFixedDelay(this::flush, window.toMillis(), window.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    // ------------------------------------------------------------------------------------------------------ inputs

    /** The tracker's listener: it only queues. */
    public CallEventListener calls() {
        return new CallEventListener() {
            @Override
            public void onCallEvent(CallEvent event) {
                submit(() -> states.onCallEvent(event));
            }

            @Override
            public void onReconciled(Instant at, Set<String> callsInProgress) {
                Set<String> copy = Set.copyOf(callsInProgress);
                submit(() -> states.onReconciled(at, copy));
            }
        };
    }

    /** Renamed operators, other teams, people disabled: every tile and every scope is looked at again. */
    public DirectoryChangeListener directoryChanges() {
        return () -> directoryChanged.set(true);
    }

    /** An app of the operator connected, with their work status and the cards they have not closed. */
    public void connected(long userId, CurrentStatus status, List<OpenCard> openCards) {
        Instant at = clock.instant();
        submit(() -> {
            states.workStatus(userId, status.status(), status.reason(), status.since());
            states.openCards(userId, openCards, at);
            states.connected(userId, at);
        });
    }

    public void disconnected(long userId) {
        Instant at = clock.instant();
        submit(() -> states.disconnected(userId, at));
    }

    public void workStatus(long userId, CurrentStatus status) {
        submit(() -> states.workStatus(userId, status.status(), status.reason(), status.since()));
    }

    /** The operator closed the call's card. */
    public void finished(long userId, String callId) {
        Instant at = clock.instant();
        submit(() -> states.finished(userId, callId, at));
    }

    // ------------------------------------------------------------------------------------------------- viewers

    /**
     * {@code key}'s viewer follows the board from now on: a snapshot at once, then changes. Subscribing again under
     * the same key starts afresh with a new snapshot.
     */
    public void subscribe(String key, long viewerId, Role role, String ref, BoardSubscriber subscriber) {
        submit(() -> {
            Subscription subscription = new Subscription(viewerId, role, subscriber);
            subscriptions.put(key, subscription);
            subscriber.snapshot(ref, snapshotOf(subscription));
        });
    }

    /** No more frames for {@code key}; {@code subscriber} hears it after the last one. */
    public void unsubscribe(String key, String ref, BoardSubscriber subscriber) {
        submit(() -> {
            subscriptions.remove(key);
            subscriber.unsubscribed(ref);
        });
    }

    /** {@code key}'s connection is gone. */
    public void forget(String key) {
        submit(() -> subscriptions.remove(key));
    }

    /**
     * The board as {@code viewerId} may see it now: {@code GET /api/board}.
     *
     * @throws IllegalStateException when the board's thread does not answer in time
     */
    public BoardSnapshot snapshot(long viewerId, Role role) {
        return onBoardThread(() -> snapshotOf(new Subscription(viewerId, role, null)));
    }

    /**
     * Whom {@code viewerId} may listen to: an operator on their board, on a call now — in the board's order, after
     * every call event submitted before.
     *
     * @throws IllegalStateException when the board's thread does not answer in time
     */
    public SpyTarget spyTarget(long viewerId, Role role, long operatorId) {
        return onBoardThread(() -> {
            if (!BoardScope.of(viewerId, role, directory.users()).sees(operatorId)) {
                return new SpyTarget.NotOnBoard();
            }
            return states.conversationChannel(operatorId).<SpyTarget>map(SpyTarget.OnCall::new)
                    .orElseGet(SpyTarget.NoCall::new);
        });
    }

    private <T> T onBoardThread(java.util.function.Supplier<T> question) {
        try {
            return CompletableFuture.supplyAsync(question, thread)
                    .get(SNAPSHOT_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the board did not answer: " + e, e);
        }
    }

    /**
     * Sends what changed now, after every input submitted before, without waiting for the window: what the
     * scheduler does every {@link #window}, for tests that must not sleep.
     */
    void sendChanges() {
        CompletableFuture.runAsync(this::flush, thread).join();
    }

    // --------------------------------------------------------------------------------------------- board thread

    private BoardSnapshot snapshotOf(Subscription subscription) {
        Instant now = clock.instant();
        List<User> all = directory.users();
        Map<Long, User> users = operatorsById(all);
        BoardScope scope = BoardScope.of(subscription.viewerId, subscription.role, all);
        List<BoardOperator> operators = new ArrayList<>();
        for (User user : users.values()) {
            if (scope.sees(user.id())) {
                BoardOperator tile = tileOf(user);
                operators.add(tile);
                subscription.shown.put(user.id(), tile);
            }
        }
        List<BoardQueue> visible = queues().stream().filter(scope::sees).map(scope::shown).toList();
        visible.forEach(queue -> subscription.shownQueues.put(queue.name(), queue));
        subscription.shownCounters = counters.total(scope, subscription.shownQueues.keySet(), now);
        subscription.shownDayStart = counters.dayStart(now);
        subscription.shownStatistics = counters.statistics();
        return new BoardSnapshot(subscription.version, now, subscription.shownDayStart, operators, visible,
                subscription.shownCounters, subscription.shownStatistics);
    }

    /** Sends every subscription what changed in what it sees since its last frame. */
    private void flush() {
        try {
            Set<Long> changed = states.drainChanged();
            boolean everyone = directoryChanged.getAndSet(false);
            boolean queuesMoved = queuesChanged.getAndSet(false);
            boolean countsMoved = countersChanged.getAndSet(false);
            if (queuesMoved || countsMoved) {
                queues = null;
            }
            if (subscriptions.isEmpty()) {
                return;
            }
            Instant now = clock.instant();
            List<User> all = directory.users();
            Map<Long, User> users = operatorsById(all);
            Map<Long, BoardOperator> tiles = new HashMap<>();
            Instant dayStart = counters.dayStart(now);
            // asked with the counters, so that the words and the counters they stand for change in the same frame
            StatisticsState statisticsNow = everyone || countsMoved ? counters.statistics() : null;
            // supervisors who saw the same tile before get the same change: worked out once per frame
            Changes<Long, BoardOperator, OperatorChange> tileChanges =
                    new Changes<>(BoardOperator::userId, OperatorChange::between);
            Changes<String, BoardQueue, QueueChange> changesOfQueues =
                    new Changes<>(BoardQueue::name, QueueChange::between);
            for (Subscription subscription : subscriptions.values()) {
                BoardScope scope = BoardScope.of(subscription.viewerId, subscription.role, all);
                List<BoardOperator> operators = new ArrayList<>();
                List<OperatorChange> operatorChanges = new ArrayList<>();
                for (Long id : scope.operators()) {
                    if (everyone || changed.contains(id) || !subscription.shown.containsKey(id)) {
                        BoardOperator tile = tiles.computeIfAbsent(id, k -> tileOf(users.get(k)));
                        BoardOperator before = subscription.shown.put(id, tile);
                        if (before == null) {
                            operators.add(tile);
                        } else if (!tile.equals(before)) {
                            operatorChanges.add(tileChanges.between(before, tile));
                        }
                    }
                }
                List<Long> gone = removeUnseen(subscription.shown.keySet(), scope.operators());
                List<BoardQueue> queuesShown = new ArrayList<>();
                List<QueueChange> queueChanges = new ArrayList<>();
                List<String> queuesGone = new ArrayList<>();
                InboundCounters total = null;
                if (everyone || queuesMoved || countsMoved || !gone.isEmpty() || !operators.isEmpty()) {
                    Map<String, BoardQueue> visible = new LinkedHashMap<>();
                    queues().stream().filter(scope::sees).map(scope::shown)
                            .forEach(queue -> visible.put(queue.name(), queue));
                    for (BoardQueue queue : visible.values()) {
                        BoardQueue before = subscription.shownQueues.put(queue.name(), queue);
                        if (before == null) {
                            queuesShown.add(queue);
                        } else if (!queue.equals(before)) {
                            queueChanges.add(changesOfQueues.between(before, queue));
                        }
                    }
                    queuesGone = removeUnseen(subscription.shownQueues.keySet(), visible.keySet());
                }
                if (everyone || countsMoved || !queuesShown.isEmpty() || !queueChanges.isEmpty()
                        || !queuesGone.isEmpty()) {
                    InboundCounters counted = counters.total(scope, subscription.shownQueues.keySet(), now);
                    if (!java.util.Objects.equals(counted, subscription.shownCounters)) {
                        subscription.shownCounters = counted;
                        total = counted;
                    }
                }
                Instant newDay = null;
                if (!dayStart.equals(subscription.shownDayStart)) {
                    subscription.shownDayStart = dayStart;
                    newDay = dayStart;
                }
                StatisticsState statistics = null;
                if (statisticsNow != null && statisticsNow != subscription.shownStatistics) {
                    subscription.shownStatistics = statisticsNow;
                    statistics = statisticsNow;
                }
                BoardChange change = new BoardChange(subscription.version, subscription.version + 1, now, operators,
                        operatorChanges, gone, queuesShown, queueChanges, queuesGone, total, newDay, statistics);
                if (!change.isEmpty()) {
                    subscription.version++;
                    subscription.to.changed(change);
                }
            }
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again: the board would freeze for everyone
            log.warn("The board could not send its changes; trying again next time", e);
        }
    }

    private static <K> List<K> removeUnseen(Set<K> shown, Set<K> visible) {
        List<K> gone = new ArrayList<>();
        for (Iterator<K> it = shown.iterator(); it.hasNext(); ) {
            K key = it.next();
            if (!visible.contains(key)) {
                gone.add(key);
                it.remove();
            }
        }
        return gone;
    }

    /** The queues with today's counters, read once per window at most. */
    private List<BoardQueue> queues() {
        if (queues == null) {
            Instant now = clock.instant();
            queues = queueSource.queues().stream().map(queue -> new BoardQueue(queue.name(), queue.waiting(),
                    queue.longestWaitSeconds(), queue.members(), counters.ofQueue(queue.name(), now))).toList();
        }
        return queues;
    }

    /** The users a board shows, by id, in the directory's order. */
    private static Map<Long, User> operatorsById(List<User> all) {
        Map<Long, User> users = new LinkedHashMap<>();
        for (User user : all) {
            if (BoardScope.onBoard(user)) {
                users.put(user.id(), user);
            }
        }
        return users;
    }

    private BoardOperator tileOf(User user) {
        OperatorNow now = states.now(user.id());
        return new BoardOperator(user.id(), user.displayName(), user.extensions(), user.teams(), now.state(),
                now.since(), now.reason(), now.calls(), now.unansweredInARow());
    }

    private void submit(Runnable task) {
        try {
            thread.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.warn("The board failed on an input; going on with the next", e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.debug("The board is closed; input dropped");
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }

    /**
     * What changed between a tile (or queue) a supervisor was shown and the one they are shown now, remembered for the
     * frame: every supervisor holds the very same objects from the frames before, so one comparison serves them all.
     */
    private static final class Changes<K, T, C> {
        private final java.util.function.Function<T, K> key;
        private final java.util.function.BiFunction<T, T, C> between;
        private final Map<K, Seen<T, C>> known = new HashMap<>();

        private record Seen<T, C>(T before, T after, C change) {
        }

        Changes(java.util.function.Function<T, K> key, java.util.function.BiFunction<T, T, C> between) {
            this.key = key;
            this.between = between;
        }

        C between(T before, T after) {
            K k = key.apply(after);
            Seen<T, C> seen = known.get(k);
            if (seen != null && seen.before() == before && seen.after() == after) {
                return seen.change();
            }
            C change = between.apply(before, after);
            known.put(k, new Seen<>(before, after, change));
            return change;
        }
    }

    /** One viewer's board: what was last sent to them, to send only what differs. */
    private static final class Subscription {
        final long viewerId;
        final Role role;
        final BoardSubscriber to;
        long version = 1;
        final Map<Long, BoardOperator> shown = new HashMap<>();
        final Map<String, BoardQueue> shownQueues = new LinkedHashMap<>();
        InboundCounters shownCounters;
        Instant shownDayStart;
        StatisticsState shownStatistics;

        Subscription(long viewerId, Role role, BoardSubscriber to) {
            this.viewerId = viewerId;
            this.role = role;
            this.to = to;
        }
    }
}
