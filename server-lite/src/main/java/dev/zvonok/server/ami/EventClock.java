package dev.zvonok.server.ami;

import java.time.Instant;
import org.asteriskjava.manager.event.ManagerEvent;

/** When an AMI event happened: Asterisk's own {@code Timestamp} when it sends one, else when we received it. */
@FunctionalInterface
public interface EventClock {

    Instant timeOf(ManagerEvent event);

    /** {@code Timestamp} (manager.conf {@code timestampevents = yes}) first, then the library's receive time. */
    static EventClock pbxOrReceived() {
        return event -> {
            Double timestamp = event.getTimestamp();
            if (timestamp != null) {
                return Instant.ofEpochMilli(Math.round(timestamp * 1000));
            }
            return event.getDateReceived() != null ? event.getDateReceived().toInstant() : Instant.now();
        };
    }
}
