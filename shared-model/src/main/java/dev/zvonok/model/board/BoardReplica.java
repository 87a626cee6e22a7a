package dev.zvonok.model.board;

import dev.zvonok.model.stats.InboundCounters;
import dev.zvonok.model.stats.StatisticsState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A client's copy of the board: a snapshot with the changes that followed, applied in order. What every client of
 * {@code subscribe-board} has to do the same way (the app, the server's tests, the benchmark), so it lives once.
 * Pure and single-threaded: its owner locks when needed.
 */
public final class BoardReplica {

    /** What became of a change. */
    public enum Applied {
        /** The board moved to the change's version. */
        APPLIED,
        /**
         * The change does not fit this board (made for another version, or it changes a tile or queue this board
         * does not have): nothing was changed, a fresh snapshot is due.
         */
        GAP
    }

    private final Map<Long, BoardOperator> operators = new LinkedHashMap<>();
    private final Map<String, BoardQueue> queues = new LinkedHashMap<>();
    private InboundCounters counters;
    private StatisticsState statistics = StatisticsState.READY;
    private java.time.Instant dayStart;
    /** Null until the first snapshot: every change is a gap then. */
    private Long version;

    public void reset(BoardSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        operators.clear();
        queues.clear();
        snapshot.operators().forEach(operator -> operators.put(operator.userId(), operator));
        snapshot.queues().forEach(queue -> queues.put(queue.name(), queue));
        counters = snapshot.counters();
        statistics = snapshot.statistics();
        dayStart = snapshot.dayStart();
        version = snapshot.version();
    }

    /** Applies {@code change} whole, or nothing of it. */
    public Applied apply(BoardChange change) {
        Objects.requireNonNull(change, "change");
        if (version == null || change.baseVersion() != version) {
            return Applied.GAP;
        }
        List<BoardOperator> changedTiles = new ArrayList<>();
        for (OperatorChange tileChange : change.operatorChanges()) {
            BoardOperator before = operators.get(tileChange.userId());
            if (before == null) {
                return Applied.GAP;
            }
            changedTiles.add(tileChange.applyTo(before));
        }
        List<BoardQueue> changedQueues = new ArrayList<>();
        for (QueueChange queueChange : change.queueChanges()) {
            BoardQueue before = queues.get(queueChange.name());
            if (before == null) {
                return Applied.GAP;
            }
            changedQueues.add(queueChange.applyTo(before));
        }
        change.operatorsGone().forEach(operators::remove);
        change.operators().forEach(operator -> operators.put(operator.userId(), operator));
        changedTiles.forEach(operator -> operators.put(operator.userId(), operator));
        change.queuesGone().forEach(queues::remove);
        change.queues().forEach(queue -> queues.put(queue.name(), queue));
        changedQueues.forEach(queue -> queues.put(queue.name(), queue));
        if (change.counters() != null) {
            counters = change.counters();
        }
        if (change.dayStart() != null) {
            dayStart = change.dayStart();
        }
        if (change.statistics() != null) {
            statistics = change.statistics();
        }
        version = change.version();
        return Applied.APPLIED;
    }

    /** Forgets the board: nothing applies until the next snapshot. */
    public void forget() {
        version = null;
    }

    public boolean hasSnapshot() {
        return version != null;
    }

    /** The version this copy shows, or null before the first snapshot. */
    public Long version() {
        return version;
    }

    /** The operator's tile, or null when not on this board. */
    public BoardOperator operator(long userId) {
        return operators.get(userId);
    }

    /** The queue, or null when not on this board. */
    public BoardQueue queue(String name) {
        return queues.get(name);
    }

    public List<BoardOperator> operators() {
        return List.copyOf(operators.values());
    }

    public List<BoardQueue> queues() {
        return List.copyOf(queues.values());
    }

    /** Where the server's business day "today" began; null before the first snapshot. */
    public java.time.Instant dayStart() {
        return dayStart;
    }

    /** Whether the statistics behind the counters are being recomputed; {@code READY} before the first snapshot. */
    public StatisticsState statistics() {
        return statistics;
    }

    /** Today's total counters; null before the first snapshot. */
    public InboundCounters counters() {
        return counters;
    }
}
