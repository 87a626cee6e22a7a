package dev.zvonok.app.board;

import dev.zvonok.model.stats.InboundCounters;
import java.time.Duration;
import java.util.List;

/**
 * One queue on the board's queue panel, computed in one pass.
 *
 * @param waiting     the callers waiting now, by position
 * @param longestWait how long the caller waiting longest has waited, by the board's clock; zero when nobody waits
 * @param alarm       how worried the supervisor should be about {@code longestWait}
 * @param free        members ready for a call (in the queue, not paused, phone not in use)
 * @param members     members in all
 * @param counters    today's counters of this queue; null when the server sent none
 */
public record QueueRow(String name, List<WaitingRow> waiting, Duration longestWait, AlarmLevel alarm, int free,
                       int members, InboundCounters counters) {

    public QueueRow {
        waiting = List.copyOf(waiting);
    }
}
