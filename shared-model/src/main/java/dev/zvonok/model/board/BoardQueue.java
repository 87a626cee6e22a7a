package dev.zvonok.model.board;

import dev.zvonok.model.stats.InboundCounters;
import java.util.List;

/**
 * One queue on the board.
 *
 * @param waiting            the callers waiting now, by position
 * @param longestWaitSeconds how long the caller waiting longest has waited so far; 0 when nobody waits
 * @param counters           today's counters of this queue
 */
public record BoardQueue(String name, List<WaitingCaller> waiting, long longestWaitSeconds,
                         List<QueueMember> members, InboundCounters counters) {

    public BoardQueue {
        waiting = List.copyOf(waiting);
        members = List.copyOf(members);
    }
}
