package dev.zvonok.server.stats;

import dev.zvonok.model.stats.InboundCounters;
import java.util.Map;

/**
 * The inbound figures of a period: over every call in scope, and per queue (calls that came through no queue count
 * in {@code total} only).
 */
public record InboundFigures(InboundCounters total, Map<String, InboundCounters> byQueue) {

    public InboundFigures {
        byQueue = Map.copyOf(byQueue);
    }

    /** A queue's figures; none when no call came through it. */
    public InboundCounters queue(String name) {
        InboundCounters counters = byQueue.get(name);
        return counters != null ? counters : InboundCounters.none(total.serviceLevelThresholdSeconds());
    }
}
