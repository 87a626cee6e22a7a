package dev.zvonok.server.replay;

import dev.zvonok.server.ami.EventClock;
import java.time.Duration;
import java.time.Instant;
import org.asteriskjava.manager.event.ManagerEvent;

/**
 * Event times for a recording played faster than life: the first event keeps its receive time, later ones are
 * spread out again by the playback factor, so that ring and talk durations come out as recorded.
 *
 * <p>Used on the tracking thread only.
 */
final class ScaledEventClock implements EventClock {

    private final EventClock received = EventClock.pbxOrReceived();
    private final double factor;
    private Instant origin;

    ScaledEventClock(double factor) {
        this.factor = factor;
    }

    @Override
    public Instant timeOf(ManagerEvent event) {
        Instant at = received.timeOf(event);
        if (origin == null) {
            origin = at;
        }
        long nanos = Duration.between(origin, at).toNanos();
        return origin.plusNanos(Math.round(nanos * factor));
    }
}
