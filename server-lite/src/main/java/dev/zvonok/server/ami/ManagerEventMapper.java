package dev.zvonok.server.ami;

import dev.zvonok.server.tracking.ChannelRef;
import dev.zvonok.server.tracking.ChannelState;
import dev.zvonok.server.tracking.DialStatus;
import dev.zvonok.server.tracking.PbxEvent;
import dev.zvonok.server.tracking.PbxEvent.QueueMemberEvent.Kind;
import java.time.Duration;
import java.time.Instant;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.AgentRingNoAnswerEvent;
import org.asteriskjava.manager.event.AttendedTransferEvent;
import org.asteriskjava.manager.event.BlindTransferEvent;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.CoreShowChannelsCompleteEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.DialStateEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.HangupRequestEvent;
import org.asteriskjava.manager.event.HoldEvent;
import org.asteriskjava.manager.event.LocalBridgeEvent;
import org.asteriskjava.manager.event.LocalOptimizationEndEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewCallerIdEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewExtenEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.event.PickupEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.UnholdEvent;

/**
 * Reduces asterisk-java's events to the tracker's {@link PbxEvent}s: the edge between the library and our logic.
 *
 * <p>Returns null for everything tracking does not read (VarSet, RTCP, Cdr, device states, the legacy DialEvent and
 * synthetic BridgeEvent the library adds...), and throws {@link UnusableEventException} for an event that should be
 * usable but lacks its identity (no Uniqueid), so the caller can count it.
 */
public final class ManagerEventMapper {

    private final EventClock clock;

    public ManagerEventMapper(EventClock clock) {
        this.clock = clock;
    }

    public PbxEvent map(ManagerEvent event) {
        return switch (event) {
            case NewChannelEvent e -> new PbxEvent.ChannelCreated(at(e),
                    ref(e.getUniqueId(), e.getLinkedid(), e.getChannel()), state(e),
                    e.getCallerIdNum(), e.getContext(), e.getExten());
            case NewStateEvent e -> new PbxEvent.ChannelStateChanged(at(e),
                    ref(e.getUniqueId(), e.getLinkedId(), e.getChannel()), state(e), e.getCallerIdNum());
            case NewCallerIdEvent e -> new PbxEvent.ChannelUpdated(at(e),
                    ref(e.getUniqueId(), e.getLinkedId(), e.getChannel()), e.getCallerIdNum(), e.getContext(),
                    e.getExten());
            case NewExtenEvent e -> new PbxEvent.ChannelUpdated(at(e),
                    ref(e.getUniqueId(), e.getLinkedId(), e.getChannel()), null, e.getContext(), e.getExtension());
            case DialBeginEvent e -> new PbxEvent.DialBegan(at(e),
                    optionalRef(e.getUniqueId(), e.getLinkedId(), e.getChannel()),
                    ref(e.getDestUniqueId(), e.getDestLinkedId(), e.getDestChannel()), e.getDialString(), e.getExten());
            case DialStateEvent e -> new PbxEvent.DialProgressed(at(e),
                    optionalRef(e.getUniqueId(), e.getLinkedId(), e.getChannel()),
                    ref(e.getDestUniqueId(), e.getDestLinkedId(), e.getDestChannel()),
                    DialStatus.parse(e.getDialStatus()));
            case DialEndEvent e -> new PbxEvent.DialEnded(at(e),
                    optionalRef(e.getUniqueId(), e.getLinkedId(), e.getChannel()),
                    ref(e.getDestUniqueId(), e.getDestLinkedId(), e.getDestChannel()),
                    DialStatus.parse(e.getDialStatus()));
            case BridgeEnterEvent e -> new PbxEvent.BridgeEntered(at(e),
                    ref(e.getUniqueId(), e.getLinkedId(), e.getChannel()), e.getBridgeUniqueId());
            case HangupRequestEvent e -> new PbxEvent.HangupRequested(at(e),
                    ref(e.getUniqueId(), e.getLinkedId(), e.getChannel()), e.getCause());
            case HangupEvent e -> new PbxEvent.ChannelHungUp(at(e),
                    ref(e.getUniqueId(), e.getLinkedId(), e.getChannel()),
                    e.getCause() == null ? 0 : e.getCause(), e.getCauseTxt());
            case LocalBridgeEvent e -> new PbxEvent.LocalChannelsPaired(at(e),
                    ref(e.getLocalOneUniqueId(), e.getLocalOneLinkedid(), e.getLocalOneChannel()),
                    ref(e.getLocalTwoUniqueid(), e.getLocalTwoLinkedid(), e.getLocalTwoChannel()));
            case LocalOptimizationEndEvent e -> new PbxEvent.LocalChannelsOptimized(at(e),
                    ref(e.getLocalOneUniqueid(), e.getLocalOneLinkedid(), e.getLocalOneChannel()),
                    ref(e.getLocalTwoUniqueid(), e.getLocalTwoLinkedid(), e.getLocalTwoChannel()),
                    Boolean.TRUE.equals(e.getSuccess()));
            case QueueCallerJoinEvent e -> new PbxEvent.QueueJoined(at(e),
                    ref(e.getUniqueId(), e.getLinkedId(), e.getChannel()), e.getQueue(),
                    e.getPosition() == null ? 0 : e.getPosition());
            case QueueCallerAbandonEvent e -> new PbxEvent.QueueAbandoned(at(e),
                    ref(e.getUniqueId(), e.getLinkedId(), e.getChannel()), e.getQueue());
            case AgentCalledEvent e -> new PbxEvent.QueueMemberEvent(at(e), Kind.CALLED,
                    optionalRef(e.getUniqueId(), e.getLinkedId(), e.getChannel()),
                    ref(e.getDestUniqueId(), e.getDestLinkedId(), e.getDestChannel()), e.getQueue(), e.getInterface());
            case AgentConnectEvent e -> new PbxEvent.QueueMemberEvent(at(e), Kind.CONNECTED,
                    optionalRef(e.getUniqueId(), e.getLinkedId(), e.getChannel()),
                    ref(e.getDestUniqueId(), e.getDestLinkedId(), e.getDestChannel()), e.getQueue(), e.getInterface());
            case AgentRingNoAnswerEvent e -> new PbxEvent.QueueMemberEvent(at(e), Kind.RING_NO_ANSWER,
                    optionalRef(e.getUniqueId(), e.getLinkedId(), e.getChannel()),
                    ref(e.getDestUniqueId(), e.getDestLinkedId(), e.getDestChannel()), e.getQueue(), e.getInterface());
            case BlindTransferEvent e -> new PbxEvent.BlindTransferred(at(e), "Success".equalsIgnoreCase(e.getResult()),
                    ref(e.getTransfererUniqueId(), e.getTransfererLinkedId(), e.getTransfererChannel()),
                    optionalRef(e.getTransfereeUniqueId(), e.getTransfereeLinkedId(), e.getTransfereeChannel()),
                    e.getExtension());
            case AttendedTransferEvent e -> new PbxEvent.AttendedTransferred(at(e),
                    "Success".equalsIgnoreCase(e.getResult()),
                    ref(e.getOrigTransfererUniqueid(), e.getOrigTransfererLinkedId(), e.getOrigTransfererChannel()),
                    optionalRef(e.getSecondTransfererUniqueid(), e.getSecondTransfererLinkedId(),
                            e.getSecondTransfererChannel()),
                    optionalRef(e.getTransfereeUniqueid(), e.getTransfereeLinkedId(), e.getTransfereeChannel()),
                    optionalRef(e.getTransferTargetUniqueID(), e.getTransferTargetLinkedID(),
                            e.getTransferTargetChannel()));
            case UnholdEvent e -> new PbxEvent.HoldChanged(at(e),
                    ref(e.getUniqueId(), e.getLinkedId(), e.getChannel()), false);
            case HoldEvent e -> new PbxEvent.HoldChanged(at(e),
                    ref(e.getUniqueId(), e.getLinkedId(), e.getChannel()), true);
            case PickupEvent e -> new PbxEvent.PickedUp(at(e), ref(e.getUniqueid(), e.getLinkedid(), e.getChannel()),
                    ref(e.getTargetuniqueid(), e.getTargetlinkedid(), e.getTargetchannel()));
            case CoreShowChannelEvent e -> new PbxEvent.ChannelSnapshot(at(e), e.getActionId(),
                    ref(e.getUniqueid(), e.getLinkedid(), e.getChannel()), state(e), e.getCallerIdNum(),
                    e.getConnectedLineNum(), e.getContext(), e.getExten(), e.getBridgeid(), duration(e.getDuration()),
                    e instanceof ResyncChannelEvent r ? duration(r.getBridgedDuration()) : null);
            case CoreShowChannelsCompleteEvent e -> new PbxEvent.SnapshotComplete(at(e), e.getActionId(),
                    e.getListitems() == null ? 0 : e.getListitems());
            default -> null;
        };
    }

    private Instant at(ManagerEvent event) {
        return clock.timeOf(event);
    }

    private static ChannelState state(ManagerEvent event) {
        return event.getChannelState() != null
                ? ChannelState.ofCode(event.getChannelState())
                : ChannelState.ofDescription(event.getChannelStateDesc());
    }

    private static ChannelRef ref(String uniqueId, String linkedId, String channel) {
        if (uniqueId == null || uniqueId.isEmpty()) {
            throw new UnusableEventException("no Uniqueid for channel " + channel);
        }
        return new ChannelRef(uniqueId, linkedId, channel);
    }

    /** A leg the event may leave out: the caller of a PBX-originated dial, a transferee... */
    private static ChannelRef optionalRef(String uniqueId, String linkedId, String channel) {
        return uniqueId == null || uniqueId.isEmpty() ? null : new ChannelRef(uniqueId, linkedId, channel);
    }

    /** CoreShowChannel's {@code Duration} is {@code HH:MM:SS} (hours may exceed 24). */
    static Duration duration(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        String[] parts = value.split(":");
        try {
            long seconds = 0;
            for (String part : parts) {
                seconds = seconds * 60 + Long.parseLong(part.trim());
            }
            return Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** An event tracking should read but cannot: it names no leg. */
    public static final class UnusableEventException extends RuntimeException {
        public UnusableEventException(String message) {
            super(message, null, false, false);
        }
    }
}
