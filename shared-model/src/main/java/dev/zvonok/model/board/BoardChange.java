package dev.zvonok.model.board;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.zvonok.model.stats.InboundCounters;
import java.time.Instant;
import java.util.List;

/**
 * What changed on one supervisor's board since {@code baseVersion}, coalesced over a short window (never a frame per
 * PBX event). Tiles and queues are replaced whole: they are small, and a client never has to merge field by field.
 * A client whose board is not at {@code baseVersion} missed a change and asks for a fresh snapshot.
 *
 * @param operators     operators whose tile changed, or who came into view
 * @param operatorsGone ids of operators no longer on this board (removed from the supervisor's teams, deactivated)
 * @param queues        queues that changed
 * @param queuesGone    names of queues no longer on this board
 * @param counters      today's total counters when they changed, else null
 */
public record BoardChange(long baseVersion, long version, Instant at, List<BoardOperator> operators,
                          List<Long> operatorsGone, List<BoardQueue> queues, List<String> queuesGone,
                          InboundCounters counters) {

    public BoardChange {
        operators = List.copyOf(operators);
        operatorsGone = List.copyOf(operatorsGone);
        queues = List.copyOf(queues);
        queuesGone = List.copyOf(queuesGone);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return operators.isEmpty() && operatorsGone.isEmpty() && queues.isEmpty() && queuesGone.isEmpty()
                && counters == null;
    }
}
