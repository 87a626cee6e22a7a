package dev.zvonok.server.board;

import dev.zvonok.model.stats.InboundCounters;
import dev.zvonok.model.stats.StatisticsState;
import java.time.Instant;
import java.util.Set;

/**
 * The seam through which the statistics side gives the board today's counters, computed with the statistics'
 * own definitions so that the board and the reports never disagree. The board asks on its own thread after being
 * told of a change, at most once per coalescing window and viewer. Until the statistics side lands, {@link #none}.
 */
public interface TodayCountersSource {

    /** Where "today" began at {@code now}: in the call centre's time zone, at its day boundary. */
    Instant dayStart(Instant now);

    /**
     * Today's inbound counters over what a viewer sees; null when they are not known now (the statistics are being
     * recomputed and none were counted before): the board then sends none rather than zeros.
     *
     * @param scope  the viewer's operators ({@link BoardScope#everything()} for an admin)
     * @param queues the names of the queues the viewer sees
     */
    InboundCounters total(BoardScope scope, Set<String> queues, Instant now);

    /** Today's inbound counters of one queue; null when not known now, as for {@link #total}. */
    InboundCounters ofQueue(String queue, Instant now);

    /**
     * Whether the statistics behind the counters are being recomputed: the board says so in words where the counters
     * are. Its flips are changes of the counters ({@link #onChange}).
     */
    default StatisticsState statistics() {
        return StatisticsState.READY;
    }

    /** {@code listener} is to be run (on any thread; it only raises a flag) whenever the counters changed. */
    void onChange(Runnable listener);

    /** No counters yet: zeros, and today beginning at {@code now}'s UTC midnight. */
    static TodayCountersSource none(int serviceLevelSeconds) {
        return new TodayCountersSource() {
            @Override
            public Instant dayStart(Instant now) {
                return now.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
            }

            @Override
            public InboundCounters total(BoardScope scope, Set<String> queues, Instant now) {
                return InboundCounters.none(serviceLevelSeconds);
            }

            @Override
            public InboundCounters ofQueue(String queue, Instant now) {
                return InboundCounters.none(serviceLevelSeconds);
            }

            @Override
            public void onChange(Runnable listener) {
            }
        };
    }
}
