package dev.zvonok.app.board;

import dev.zvonok.model.board.BoardChange;
import dev.zvonok.model.board.BoardOperator;
import dev.zvonok.model.board.BoardQueue;
import dev.zvonok.model.board.BoardSnapshot;
import dev.zvonok.model.stats.InboundCounters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The board as the server last described it: a snapshot with the deltas that followed, applied in order. Pure and
 * single-threaded (its owner locks); tiles and queues are replaced whole, as {@link BoardChange} promises.
 */
final class BoardState {

    /** What became of a delta. */
    enum Applied {
        /** The board moved to the delta's version. */
        APPLIED,
        /** The delta was made for another version than this board's: nothing was changed, a snapshot is due. */
        GAP
    }

    private final Map<Long, BoardOperator> operators = new LinkedHashMap<>();
    private final Map<String, BoardQueue> queues = new LinkedHashMap<>();
    private InboundCounters counters;
    /** Null until the first snapshot: every delta is a gap then. */
    private Long version;

    void reset(BoardSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        operators.clear();
        queues.clear();
        snapshot.operators().forEach(operator -> operators.put(operator.userId(), operator));
        snapshot.queues().forEach(queue -> queues.put(queue.name(), queue));
        counters = snapshot.counters();
        version = snapshot.version();
    }

    Applied apply(BoardChange change) {
        Objects.requireNonNull(change, "change");
        if (version == null || change.baseVersion() != version) {
            return Applied.GAP;
        }
        change.operatorsGone().forEach(operators::remove);
        change.operators().forEach(operator -> operators.put(operator.userId(), operator));
        change.queuesGone().forEach(queues::remove);
        change.queues().forEach(queue -> queues.put(queue.name(), queue));
        if (change.counters() != null) {
            counters = change.counters();
        }
        version = change.version();
        return Applied.APPLIED;
    }

    /** Forgets the board: nothing applies until the next snapshot. */
    void forget() {
        version = null;
    }

    boolean hasSnapshot() {
        return version != null;
    }

    Long version() {
        return version;
    }

    List<BoardOperator> operators() {
        return List.copyOf(operators.values());
    }

    List<BoardQueue> queues() {
        return List.copyOf(queues.values());
    }

    InboundCounters counters() {
        return counters;
    }
}
