package dev.zvonok.server.tracking;

import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of what the tracker saw; written by the tracking thread, readable from any thread (metrics, health).
 */
public final class TrackingStats {

    final LongAdder events = new LongAdder();
    final LongAdder callsStarted = new LongAdder();
    final LongAdder callsEnded = new LongAdder();
    final LongAdder offers = new LongAdder();
    /** Events about a leg the tracker had not seen created (after a reconnect, or out of order). */
    final LongAdder unknownChannel = new LongAdder();
    /** Events the tracker could not use at all (no channel name, no id). */
    final LongAdder unusable = new LongAdder();
    final LongAdder duplicates = new LongAdder();
    final LongAdder crossCallDials = new LongAdder();
    final LongAdder learnedFromSnapshot = new LongAdder();
    final LongAdder closedByResync = new LongAdder();
    final LongAdder resyncs = new LongAdder();
    final LongAdder failures = new LongAdder();
    /** The ids of the last channel lists reconciled, newest last, so a caller can wait for its own. */
    private final Deque<String> reconciledLists = new ConcurrentLinkedDeque<>();
    final LongAdder listenerFailures = new LongAdder();

    public long events() {
        return events.sum();
    }

    public long callsStarted() {
        return callsStarted.sum();
    }

    public long callsEnded() {
        return callsEnded.sum();
    }

    public long offers() {
        return offers.sum();
    }

    public long unknownChannel() {
        return unknownChannel.sum();
    }

    public long failures() {
        return failures.sum() + listenerFailures.sum();
    }

    public long resyncs() {
        return resyncs.sum();
    }

    void reconciled(String listId) {
        resyncs.increment();
        if (listId != null) {
            reconciledLists.addLast(listId);
            while (reconciledLists.size() > 32) {
                reconciledLists.pollFirst();
            }
        }
    }

    /** True once the channel list with this ActionID has been reconciled with. */
    public boolean hasReconciled(String listId) {
        return reconciledLists.contains(listId);
    }

    /** Every counter by name, for logs and metrics. */
    public Map<String, Long> asMap() {
        Map<String, Long> map = new LinkedHashMap<>();
        map.put("events", events.sum());
        map.put("calls_started", callsStarted.sum());
        map.put("calls_ended", callsEnded.sum());
        map.put("offers", offers.sum());
        map.put("unknown_channel", unknownChannel.sum());
        map.put("unusable", unusable.sum());
        map.put("duplicates", duplicates.sum());
        map.put("cross_call_dials", crossCallDials.sum());
        map.put("learned_from_snapshot", learnedFromSnapshot.sum());
        map.put("closed_by_resync", closedByResync.sum());
        map.put("resyncs", resyncs.sum());
        map.put("failures", failures.sum());
        map.put("listener_failures", listenerFailures.sum());
        return map;
    }
}
