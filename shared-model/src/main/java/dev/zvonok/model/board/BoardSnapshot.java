package dev.zvonok.model.board;

import dev.zvonok.model.stats.InboundCounters;
import dev.zvonok.model.stats.StatisticsState;
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
 * @param statistics whether the statistics are being recomputed (then {@code counters} are the last ones counted, or
 *                   null); {@link StatisticsState#READY} when the JSON has none, as from a server before it
 */
public record BoardSnapshot(long version, Instant at, Instant dayStart, List<BoardOperator> operators,
                            List<BoardQueue> queues, InboundCounters counters, StatisticsState statistics) {

    public BoardSnapshot {
        operators = List.copyOf(operators);
        queues = List.copyOf(queues);
        statistics = statistics == null ? StatisticsState.READY : statistics;
    }

    /** A board whose statistics are {@link StatisticsState#READY}. */
    public BoardSnapshot(long version, Instant at, Instant dayStart, List<BoardOperator> operators,
                         List<BoardQueue> queues, InboundCounters counters) {
        this(version, at, dayStart, operators, queues, counters, StatisticsState.READY);
    }
}
