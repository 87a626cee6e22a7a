package dev.zvonok.server.bench;

import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.ami.EventClock;
import dev.zvonok.server.ami.ManagerEventMapper;
import dev.zvonok.server.tracking.CallEventListener;
import dev.zvonok.server.tracking.CallTracker;
import dev.zvonok.server.tracking.ExtensionPatternEndpoints;
import dev.zvonok.server.tracking.PbxEvent;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.asteriskjava.manager.event.ManagerEvent;

/**
 * The tracking thread's work on a storm, start to end, with a new tracker: mapping and the state machine. A
 * {@link ToDoubleFunction} (events per second, tracking only) so that {@link TrackerBuildsCompared} can call the copy
 * of this class loaded beside another build's tracker through a type both builds share.
 */
public final class TrackingLoop implements ToDoubleFunction<List<ManagerEvent>> {

    private static final PhoneNumbers NUMBERS = PhoneNumbers.russian();

    @Override
    public double applyAsDouble(List<ManagerEvent> events) {
        return eventsPerSecond(events, event -> { });
    }

    static double eventsPerSecond(List<ManagerEvent> events, CallEventListener listener) {
        long start = System.nanoTime();
        run(events, listener);
        return events.size() / ((System.nanoTime() - start) / 1e9);
    }

    static void run(List<ManagerEvent> events, CallEventListener listener) {
        CallTracker tracker = new CallTracker(NUMBERS, ExtensionPatternEndpoints.standard(), listener);
        ManagerEventMapper mapper = new ManagerEventMapper(EventClock.pbxOrReceived());
        for (ManagerEvent event : events) {
            PbxEvent mapped = mapper.map(event);
            if (mapped != null) {
                tracker.accept(mapped);
            }
        }
        if (tracker.activeCallCount() != 0) {
            throw new IllegalStateException(tracker.activeCallCount() + " calls left open");
        }
    }
}
