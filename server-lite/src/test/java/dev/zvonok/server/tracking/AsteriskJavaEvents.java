package dev.zvonok.server.tracking;

import dev.zvonok.server.ami.EventClock;
import dev.zvonok.server.ami.ManagerEventMapper;
import dev.zvonok.server.amiwire.TimedMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.internal.LibraryEventBuilder;

/**
 * AMI messages turned into what asterisk-java's reader hands our listener, without a socket: the library's own event
 * builder, each event stamped as received at {@code epoch + atMillis}. For tests and benchmarks of the tracking path.
 */
public final class AsteriskJavaEvents {

    private AsteriskJavaEvents() {
    }

    public static List<ManagerEvent> of(List<TimedMessage> timeline, Instant epoch) {
        List<ManagerEvent> events = new ArrayList<>(timeline.size());
        lazily(timeline.iterator(), epoch).forEachRemaining(events::add);
        return events;
    }

    /** Built one by one as they are consumed, for streams too long to hold. */
    public static Iterator<ManagerEvent> lazily(Iterator<TimedMessage> timeline, Instant epoch) {
        LibraryEventBuilder builder = new LibraryEventBuilder();
        return new Iterator<>() {
            private ManagerEvent next = advance();

            private ManagerEvent advance() {
                while (timeline.hasNext()) {
                    TimedMessage timed = timeline.next();
                    ManagerEvent event = builder.build(AsteriskJavaEvents.class, timed.message());
                    if (event != null) {
                        event.setDateReceived(Date.from(epoch.plusMillis(timed.atMillis())));
                        return event;
                    }
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public ManagerEvent next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                ManagerEvent current = next;
                next = advance();
                return current;
            }
        };
    }

    /** The tracker's input: the events our mapper keeps. */
    public static List<PbxEvent> mapped(List<ManagerEvent> events) {
        ManagerEventMapper mapper = new ManagerEventMapper(EventClock.pbxOrReceived());
        List<PbxEvent> mapped = new ArrayList<>();
        for (ManagerEvent event : events) {
            PbxEvent pbxEvent = mapper.map(event);
            if (pbxEvent != null) {
                mapped.add(pbxEvent);
            }
        }
        return mapped;
    }
}
