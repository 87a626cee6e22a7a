package dev.zvonok.server.queues.ami;

import dev.zvonok.server.queues.*;
import dev.zvonok.server.ami.EventClock;
import java.time.Instant;
import org.asteriskjava.manager.event.AbstractQueueMemberEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.QueueCallerLeaveEvent;
import org.asteriskjava.manager.event.QueueEntryEvent;
import org.asteriskjava.manager.event.QueueMemberAddedEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.event.QueueMemberPauseEvent;
import org.asteriskjava.manager.event.QueueMemberRemovedEvent;
import org.asteriskjava.manager.event.QueueMemberStatusEvent;
import org.asteriskjava.manager.event.QueueParamsEvent;
import org.asteriskjava.manager.event.QueueStatusCompleteEvent;

/**
 * Reduces asterisk-java's queue events to {@link QueueEvent}s; null for every other event, and for a queue event
 * that names no queue, caller or member (nothing to apply it to).
 */
public final class QueueEventMapper {

    private final EventClock clock;

    public QueueEventMapper(EventClock clock) {
        this.clock = clock;
    }

    public QueueEvent map(ManagerEvent event) {
        QueueEvent mapped = switch (event) {
            case QueueCallerJoinEvent e -> present(e.getQueue(), e.getUniqueId()) ? new QueueEvent.CallerJoined(at(e),
                    e.getQueue(), e.getUniqueId(), e.getLinkedId() != null ? e.getLinkedId() : e.getUniqueId(),
                    e.getCallerIdNum(), orZero(e.getPosition())) : null;
            case QueueCallerLeaveEvent e -> present(e.getQueue(), e.getUniqueId())
                    ? new QueueEvent.CallerLeft(at(e), e.getQueue(), e.getUniqueId(), false) : null;
            case QueueCallerAbandonEvent e -> present(e.getQueue(), e.getUniqueId())
                    ? new QueueEvent.CallerLeft(at(e), e.getQueue(), e.getUniqueId(), true) : null;
            // QueueMemberStatusEvent is a QueueMemberEvent (the QueueStatus item) in the library: it goes first
            case QueueMemberStatusEvent e -> present(e.getQueue(), memberInterface(e))
                    ? new QueueEvent.MemberUpdated(at(e), e.getQueue(), memberInterface(e), e.getMemberName(),
                            e.getStatus(), Boolean.TRUE.equals(e.getPaused()), e.getPausedreason(), false) : null;
            case QueueMemberEvent e -> present(e.getQueue(), memberInterface(e))
                    ? new QueueEvent.StatusMember(at(e), e.getActionId(), e.getQueue(), memberInterface(e),
                            e.getName() != null ? e.getName() : e.getMemberName(), e.getStatus(),
                            Boolean.TRUE.equals(e.getPaused()), e.getPausedreason()) : null;
            case QueueMemberPauseEvent e -> present(e.getQueue(), memberInterface(e))
                    ? new QueueEvent.MemberUpdated(at(e), e.getQueue(), memberInterface(e), e.getMemberName(),
                            e.getStatus(), Boolean.TRUE.equals(e.getPaused()), pauseReason(e), true) : null;
            case QueueMemberAddedEvent e -> present(e.getQueue(), memberInterface(e))
                    ? new QueueEvent.MemberUpdated(at(e), e.getQueue(), memberInterface(e), e.getMemberName(),
                            e.getStatus(), Boolean.TRUE.equals(e.getPaused()), e.getPausedReason(), false) : null;
            case QueueMemberRemovedEvent e -> present(e.getQueue(), memberInterface(e))
                    ? new QueueEvent.MemberRemoved(at(e), e.getQueue(), memberInterface(e)) : null;
            case QueueParamsEvent e -> e.getQueue() != null
                    ? new QueueEvent.StatusQueue(at(e), e.getActionId(), e.getQueue()) : null;
            case QueueEntryEvent e -> present(e.getQueue(), e.getUniqueId())
                    ? new QueueEvent.StatusEntry(at(e), e.getActionId(), e.getQueue(), orZero(e.getPosition()),
                            e.getUniqueId(), e.getCallerIdNum() != null ? e.getCallerIdNum() : e.getCallerId(),
                            e.getWait() == null ? 0 : e.getWait()) : null;
            case QueueStatusCompleteEvent e -> new QueueEvent.StatusComplete(at(e), e.getActionId());
            default -> null;
        };
        return mapped;
    }

    private Instant at(ManagerEvent event) {
        return clock.timeOf(event);
    }

    private static String memberInterface(QueueMemberEvent event) {
        return event.getInterface() != null ? event.getInterface() : event.getLocation();
    }

    private static String memberInterface(AbstractQueueMemberEvent event) {
        return event.getInterface() != null ? event.getInterface() : event.getLocation();
    }

    /** The library has two setters for {@code PausedReason} here; whichever it chose holds the value. */
    private static String pauseReason(QueueMemberPauseEvent event) {
        if (event.getPausedreason() != null) {
            return event.getPausedreason();
        }
        return event.getPausedReason() != null ? event.getPausedReason() : event.getReason();
    }

    private static boolean present(String queue, String id) {
        return queue != null && !queue.isEmpty() && id != null && !id.isEmpty();
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
