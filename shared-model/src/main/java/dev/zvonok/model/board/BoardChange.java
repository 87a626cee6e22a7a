package dev.zvonok.model.board;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.zvonok.model.stats.InboundCounters;
import dev.zvonok.model.stats.StatisticsState;
import java.time.Instant;
import java.util.List;

/**
 * What changed on one supervisor's board since {@code baseVersion}, coalesced over a short window (never a frame per
 * PBX event). Tiles and queues that come into view travel whole; those the supervisor has already travel as what
 * changed in them ({@link OperatorChange}, {@link QueueChange}), so a busy board costs bytes in proportion to its
 * changes, not to its size. A client whose board is not at {@code baseVersion} missed a change and asks for a fresh
 * snapshot; so does one that gets a change of a tile or queue it does not have.
 *
 * @param operators       operators who came into view (or whose tile the client is told to replace), whole
 * @param operatorChanges what changed on tiles the client has
 * @param operatorsGone   ids of operators no longer on this board (removed from the supervisor's teams, deactivated)
 * @param queues          queues that came into view, whole
 * @param queueChanges    what changed in queues the client has
 * @param queuesGone      names of queues no longer on this board
 * @param counters        today's total counters when they changed, else null
 * @param dayStart        where "today" begins when a new business day began (in the call centre's time zone and
 *                        day boundary, as in {@link BoardSnapshot#dayStart()}), else null
 * @param statistics      whether the statistics are being recomputed, when that changed, else null (left out of the
 *                        JSON, so an app before it reads the rest as before)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record BoardChange(long baseVersion, long version, Instant at, List<BoardOperator> operators,
                          List<OperatorChange> operatorChanges, List<Long> operatorsGone, List<BoardQueue> queues,
                          List<QueueChange> queueChanges, List<String> queuesGone, InboundCounters counters,
                          Instant dayStart, StatisticsState statistics) {

    public BoardChange {
        operators = listOf(operators);
        operatorChanges = listOf(operatorChanges);
        operatorsGone = listOf(operatorsGone);
        queues = listOf(queues);
        queueChanges = listOf(queueChanges);
        queuesGone = listOf(queuesGone);
    }

    /** A change that leaves the statistics' state as it was. */
    public BoardChange(long baseVersion, long version, Instant at, List<BoardOperator> operators,
                       List<OperatorChange> operatorChanges, List<Long> operatorsGone, List<BoardQueue> queues,
                       List<QueueChange> queueChanges, List<String> queuesGone, InboundCounters counters,
                       Instant dayStart) {
        this(baseVersion, version, at, operators, operatorChanges, operatorsGone, queues, queueChanges, queuesGone,
                counters, dayStart, null);
    }

    /** The JSON leaves empty lists out. */
    private static <T> List<T> listOf(List<T> items) {
        return items == null ? List.of() : List.copyOf(items);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return operators.isEmpty() && operatorChanges.isEmpty() && operatorsGone.isEmpty() && queues.isEmpty()
                && queueChanges.isEmpty() && queuesGone.isEmpty() && counters == null && dayStart == null
                && statistics == null;
    }
}
