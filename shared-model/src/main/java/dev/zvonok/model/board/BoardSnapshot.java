package dev.zvonok.model.board;

import dev.zvonok.model.stats.InboundCounters;
import java.time.Instant;
import java.util.List;

/**
 * The whole board as one supervisor may see it: the operators, queues and counters of their teams (all of them for
 * an admin). The answer to {@code GET /api/board}, and the first frame after {@code subscribe-board}.
 *
 * @param version  the board's version this snapshot shows; the next {@link BoardChange} names it as its
 *                 {@code baseVersion}
 * @param dayStart where "today" of the counters began, in the call centre's time zone and day boundary
 * @param counters today's counters over every queue and line the supervisor sees
 */
public record BoardSnapshot(long version, Instant at, Instant dayStart, List<BoardOperator> operators,
                            List<BoardQueue> queues, InboundCounters counters) {

    public BoardSnapshot {
        operators = List.copyOf(operators);
        queues = List.copyOf(queues);
    }
}
