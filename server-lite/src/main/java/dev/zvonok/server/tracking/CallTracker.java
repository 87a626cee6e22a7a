package dev.zvonok.server.tracking;

import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.HangupSide;
import dev.zvonok.model.call.OfferResult;
import dev.zvonok.model.call.TransferKind;
import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.limits.PbxValue;
import dev.zvonok.server.tracking.PbxEvent.AttendedTransferred;
import dev.zvonok.server.tracking.PbxEvent.BlindTransferred;
import dev.zvonok.server.tracking.PbxEvent.BridgeEntered;
import dev.zvonok.server.tracking.PbxEvent.ChannelCreated;
import dev.zvonok.server.tracking.PbxEvent.ChannelHungUp;
import dev.zvonok.server.tracking.PbxEvent.ChannelSnapshot;
import dev.zvonok.server.tracking.PbxEvent.ChannelStateChanged;
import dev.zvonok.server.tracking.PbxEvent.ChannelUpdated;
import dev.zvonok.server.tracking.PbxEvent.DialBegan;
import dev.zvonok.server.tracking.PbxEvent.DialEnded;
import dev.zvonok.server.tracking.PbxEvent.DialProgressed;
import dev.zvonok.server.tracking.PbxEvent.HangupRequested;
import dev.zvonok.server.tracking.PbxEvent.HoldChanged;
import dev.zvonok.server.tracking.PbxEvent.LocalChannelsOptimized;
import dev.zvonok.server.tracking.PbxEvent.LocalChannelsPaired;
import dev.zvonok.server.tracking.PbxEvent.PickedUp;
import dev.zvonok.server.tracking.PbxEvent.QueueAbandoned;
import dev.zvonok.server.tracking.PbxEvent.QueueJoined;
import dev.zvonok.server.tracking.PbxEvent.QueueMemberEvent;
import dev.zvonok.server.tracking.PbxEvent.SnapshotComplete;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows every call on the PBX: AMI events in, {@link CallEvent}s out.
 *
 * <p>Pure logic: no sockets, no clock (time comes with each event), one thread. It trusts no single signal: a phone
 * rings on DialBegin, a Ringing state, a DialState or a queue's AgentCalled, whichever comes first, and the offer is
 * made once; it is answered on DialEnd ANSWER, the leg going Up or entering a bridge; the result of a cancelled ring
 * waits for the leg's hangup cause (26 = answered elsewhere). Events about legs it never saw (after a reconnect, out
 * of order) create what they can and are counted, never thrown.
 *
 * <p>Not thread-safe: feed it from one thread (the AMI connection's ordered hand-off does).
 */
public final class CallTracker {

    private static final Logger log = LoggerFactory.getLogger(CallTracker.class);

    /** The hangup cause text of a leg that ended while the PBX was not watched. */
    static final String UNOBSERVED_END = "Ended while the PBX was not watched (AMI link down)";

    /** How many ended call ids to remember, to tell a late event of an ended call from a new call. */
    private static final int RECENTLY_ENDED_CAPACITY = 4096;

    private final PhoneNumbers numbers;
    private final OperatorEndpoints endpoints;
    private final CallEventListener listener;
    private final TrackingStats stats = new TrackingStats();

    private final Map<String, TrackedChannel> channels = new HashMap<>();
    private final Map<String, TrackedCall> calls = new HashMap<>();
    /** Linkedids of consultation calls merged into another call. */
    private final Map<String, TrackedCall> aliases = new HashMap<>();
    private final Map<String, List<ChannelSnapshot>> snapshots = new HashMap<>();
    private final Map<String, Boolean> recentlyEnded = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > RECENTLY_ENDED_CAPACITY;
        }
    };

    public CallTracker(PhoneNumbers numbers, OperatorEndpoints endpoints, CallEventListener listener) {
        this.numbers = Objects.requireNonNull(numbers, "numbers");
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Feeds one event. Never throws for bad input: what cannot be used is logged and counted. */
    public void accept(PbxEvent event) {
        stats.events.increment();
        try {
            switch (event) {
                case ChannelCreated e -> onChannelCreated(e);
                case ChannelStateChanged e -> onStateChanged(e);
                case ChannelUpdated e -> onChannelUpdated(e);
                case DialBegan e -> onDialBegan(e);
                case DialProgressed e -> onDialProgressed(e);
                case DialEnded e -> onDialEnded(e);
                case BridgeEntered e -> onBridgeEntered(e);
                case HangupRequested e -> onHangupRequested(e);
                case ChannelHungUp e -> onHungUp(e.channel().uniqueId(), e.at(), e.cause(), e.causeText());
                case LocalChannelsPaired e -> onLocalPaired(e);
                case LocalChannelsOptimized e -> { /* the halves hang up next; nothing to remember */ }
                case QueueJoined e -> onQueueJoined(e);
                case QueueAbandoned e -> onQueueAbandoned(e);
                case QueueMemberEvent e -> onQueueMember(e);
                case BlindTransferred e -> onBlindTransfer(e);
                case AttendedTransferred e -> onAttendedTransfer(e);
                case HoldChanged e -> onHoldChanged(e);
                case PickedUp e -> onPickedUp(e);
                case ChannelSnapshot e -> onSnapshot(e);
                case SnapshotComplete e -> onSnapshotComplete(e);
            }
        } catch (RuntimeException e) {
            stats.failures.increment();
            log.error("Tracking failed on {}; the event is skipped", event, e);
        }
    }

    public TrackingStats stats() {
        return stats;
    }

    /** Calls in progress (for tests and gauges). */
    public int activeCallCount() {
        return calls.size();
    }

    public int liveChannelCount() {
        return channels.size();
    }

    // ------------------------------------------------------------------------------------------------ channels

    private void onChannelCreated(ChannelCreated e) {
        TrackedChannel known = channels.get(e.channel().uniqueId());
        if (known != null) {
            stats.duplicates.increment();
            return;
        }
        TrackedChannel channel = createChannel(e.channel(), e.at(), e.at(), e.callerNumber(), e.exten());
        if (channel != null) {
            channel.state = e.state();
        }
    }

    private void onStateChanged(ChannelStateChanged e) {
        TrackedChannel channel = channelFor(e.channel(), e.at());
        if (channel == null) {
            return;
        }
        channel.state = e.state();
        if (e.callerNumber() != null) {
            channel.callerNumber = e.callerNumber();
        }
        if (e.state() == ChannelState.RINGING && channel.isOperatorPhone()) {
            offerRings(channel, e.at()).rang = true;
        } else if (e.state() == ChannelState.UP) {
            legAnswered(channel, e.at());
        }
    }

    private void onChannelUpdated(ChannelUpdated e) {
        TrackedChannel channel = channelFor(e.channel(), e.at());
        if (channel == null) {
            return;
        }
        if (e.exten() != null && !e.exten().isEmpty()) {
            channel.exten = e.exten();
        }
        if (e.callerNumber() != null) {
            channel.callerNumber = e.callerNumber();
        }
        TrackedCall call = channel.call;
        if (call.origin == channel && channel.isOutsideLine() && call.callerNumber == null && e.callerNumber() != null) {
            call.callerNumber = numbers.normalize(e.callerNumber());
        }
    }

    private void onBridgeEntered(BridgeEntered e) {
        TrackedChannel channel = channelFor(e.channel(), e.at());
        if (channel != null) {
            legAnswered(channel, e.at());
        }
    }

    private void onLocalPaired(LocalChannelsPaired e) {
        TrackedChannel one = channelFor(e.one(), e.at());
        TrackedChannel two = channelFor(e.two(), e.at());
        if (one != null && two != null) {
            one.localPeer = two;
            two.localPeer = one;
        }
    }

    private void onHangupRequested(HangupRequested e) {
        TrackedChannel channel = channels.get(e.channel().uniqueId());
        if (channel == null) {
            stats.unknownChannel.increment();
            return;
        }
        if (channel.isLocal()) {
            return; // a Local half is torn down as a consequence, it never "hangs up" by itself
        }
        TrackedCall call = channel.call;
        if (channel == call.origin) {
            // the origin leg being rung itself (click-to-call) is the operator declining, not a caller giving up
            if (!call.isAnswered() && channel.state != ChannelState.RINGING && CallOutcomes.callerStillWaits(call)) {
                call.callerAbandoned = true;
            }
            call.hangupSide = HangupSide.CALLER;
        } else if ((channel.offer != null && channel.offer.isAnswered() && channel.offer.device == channel)
                || channel.isOutsideLine()) {
            call.hangupSide = HangupSide.CALLEE;
        }
    }

    private void onHungUp(String uniqueId, Instant at, int cause, String causeText) {
        TrackedChannel channel = channels.remove(uniqueId);
        if (channel == null) {
            stats.unknownChannel.increment();
            return;
        }
        TrackedCall call = channel.call;
        TrackedOffer offer = channel.offer;
        if (offer != null && offer.legs.remove(channel) && offer.isOpen()) {
            if (offer.isAnswered()) {
                if (offer.device == channel) {
                    endOffer(call, offer, OfferResult.ANSWERED, at);
                }
            } else if (channel.ringEnd == OfferResult.UNKNOWN && !offer.ringsOnAnyDevice()) {
                endOffer(call, offer, OfferResult.UNKNOWN, at); // it stopped ringing while we were not watching
            } else if (channel.ringEnd == null && !offer.ringsOnAnyDevice()) {
                // the operator's last ringing device stopped; an other device's leg ending (cause 26 when a sibling
                // device answered) while one still rings or talks ends nothing
                endOffer(call, offer, CallOutcomes.ringEndedBy(call, offer, cause), at);
            }
        }
        if (channel.localPeer != null) {
            channel.localPeer.localPeer = null;
        }
        if (channel == call.origin || call.hangupCause == null) {
            call.hangupCause = cause;
            call.hangupCauseText = causeText;
        }
        call.channels.remove(channel);
        if (call.channels.isEmpty()) {
            endCall(call, at);
        }
    }

    // ------------------------------------------------------------------------------------------------ dialling

    private void onDialBegan(DialBegan e) {
        TrackedChannel caller = e.caller() == null ? null : channelFor(e.caller(), e.at());
        TrackedChannel destination = channelFor(e.destination(), e.at());
        if (destination == null) {
            return;
        }
        if (caller != null && caller.call != destination.call) {
            stats.crossCallDials.increment(); // a dial between two calls: follow the destination's own call
        }
        destination.dialledBy = caller;
        if (destination.isOperatorPhone()) {
            if (caller == null && destination == destination.call.origin) {
                clickToCall(destination.call, destination);
            }
            offerRings(destination, e.at());
        } else if (destination.isOutsideLine()) {
            dialledOutside(destination, caller, e);
        }
    }

    private void dialledOutside(TrackedChannel destination, TrackedChannel caller, DialBegan e) {
        TrackedCall call = destination.call;
        String number = numbers.normalize(dialledNumber(e));
        String operator = number == null ? null : endpoints.operatorOwning(number);
        if (operator != null) {
            offerRings(destination, operator, e.at());
            return;
        }
        if (call.direction != CallDirection.INBOUND) {
            call.direction = CallDirection.OUTBOUND;
            if (number != null) {
                call.dialedNumber = number;
            }
            if (call.callerNumber == null && caller != null && caller.isOperatorPhone()) {
                call.callerNumber = caller.extension;
            }
        }
    }

    /**
     * The PBX itself rings a phone that starts a call (an AMI Originate): the operator is about to call out, and the
     * number the phone is shown is the one it will dial, so the card can say whom before the number rings.
     */
    private void clickToCall(TrackedCall call, TrackedChannel phone) {
        call.direction = CallDirection.OUTBOUND;
        if (call.dialedNumber == null) {
            call.dialedNumber = numbers.normalize(phone.callerNumber);
        }
    }

    /**
     * The number an outside leg is dialled to: the dialling leg's extension, else the number in the dial string —
     * chan_sip's {@code trunk/89099990109}, chan_pjsip's {@code 89099990109@trunk} or a contact's
     * {@code 777/sip:777@127.0.0.1:5071}.
     */
    private static String dialledNumber(DialBegan e) {
        String exten = e.callerExten();
        if (exten != null && !exten.isEmpty() && !"s".equals(exten)) {
            return exten;
        }
        String dialString = e.dialString();
        if (dialString == null) {
            return null;
        }
        String number = dialString.substring(dialString.lastIndexOf('/') + 1);
        if (number.startsWith("sip:") || number.startsWith("sips:")) {
            number = number.substring(number.indexOf(':') + 1);
        }
        int at = number.indexOf('@');
        // a dial string may be longer than a number: the number in it is no longer than the product carries
        return PbxValue.NUMBER.bound(at >= 0 ? number.substring(0, at) : number);
    }

    private void onDialProgressed(DialProgressed e) {
        if (e.status() != DialStatus.RINGING) {
            return;
        }
        TrackedChannel destination = channelFor(e.destination(), e.at());
        if (destination != null && destination.isOperatorPhone()) {
            offerRings(destination, e.at()).rang = true;
        }
    }

    private void onDialEnded(DialEnded e) {
        TrackedChannel destination = channels.get(e.destination().uniqueId());
        if (destination == null) {
            stats.unknownChannel.increment();
            return;
        }
        TrackedCall call = destination.call;
        TrackedOffer offer = destination.offer;
        if (offer != null && offer.legs.contains(destination) && offer.isRinging()) {
            switch (e.status()) {
                case ANSWER -> answerOffer(call, offer, destination, e.at());
                case BUSY -> ringStopped(destination, offer.rang ? OfferResult.REJECTED : OfferResult.BUSY, e.at());
                case NOANSWER, CHANUNAVAIL, CONGESTION -> ringStopped(destination, OfferResult.MISSED, e.at());
                // CANCEL: who cancelled (the caller, a colleague's answer, the queue) shows in the leg's Hangup cause
                default -> { }
            }
        } else if (destination.isOutsideLine() && call.direction == CallDirection.OUTBOUND) {
            if (e.status() == DialStatus.ANSWER && call.outsideAnsweredAt == null) {
                call.outsideAnsweredAt = e.at();
            } else if (e.status() == DialStatus.BUSY) {
                call.outsideBusy = true;
            }
        }
    }

    /** One device's ring ended unanswered: the operator's offer ends with it unless another device still rings. */
    private void ringStopped(TrackedChannel leg, OfferResult result, Instant at) {
        leg.ringEnd = result;
        TrackedOffer offer = leg.offer;
        if (!offer.ringsOnAnyDevice()) {
            endOffer(leg.call, offer, result, at);
        }
    }

    /** A leg went Up or into a bridge: for a ringing operator's device that is the answer. */
    private void legAnswered(TrackedChannel channel, Instant at) {
        TrackedOffer offer = channel.offer;
        if (offer != null && offer.legs.contains(channel) && offer.isRinging()) {
            answerOffer(channel.call, offer, channel, at);
        } else if (channel.isOutsideLine() && channel != channel.call.origin
                && channel.call.direction == CallDirection.OUTBOUND && channel.call.outsideAnsweredAt == null) {
            channel.call.outsideAnsweredAt = at;
        }
    }

    // ------------------------------------------------------------------------------------------------ queues

    private void onQueueJoined(QueueJoined e) {
        TrackedChannel caller = channelFor(e.caller(), e.at());
        if (caller != null) {
            caller.call.queue = e.queue();
        }
    }

    private void onQueueAbandoned(QueueAbandoned e) {
        TrackedChannel caller = channels.get(e.caller().uniqueId());
        if (caller != null && !caller.call.isAnswered()) {
            caller.call.callerAbandoned = true;
        }
    }

    private void onQueueMember(QueueMemberEvent e) {
        TrackedChannel member = channels.get(e.member().uniqueId());
        if (member == null) {
            stats.unknownChannel.increment();
            return;
        }
        // a Local member whose device legs are not dialled yet has none here: the ;2 half's DialBegin makes the offer
        for (TrackedChannel phone : phonesBehind(member)) {
            switch (e.kind()) {
                case CALLED -> offerRings(phone, e.at());
                // the member answered on one of its devices: the one that is up (its own Up/DialEnd says so too)
                case CONNECTED -> {
                    if (phone.state == ChannelState.UP) {
                        legAnswered(phone, e.at());
                    }
                }
                case RING_NO_ANSWER -> {
                    if (phone.offer != null && phone.offer.legs.contains(phone) && phone.offer.isRinging()) {
                        ringStopped(phone, OfferResult.MISSED, e.at());
                    }
                }
            }
        }
    }

    /**
     * The operator's device legs a queue member channel leads to: itself, or, through a Local pair, every leg its
     * {@code ;2} half dialled (FreePBX's {@code PJSIP_DIAL_CONTACTS} dials each contact of the AOR).
     */
    private static List<TrackedChannel> phonesBehind(TrackedChannel member) {
        if (member.isOperatorPhone()) {
            return List.of(member);
        }
        if (!member.isLocal() || member.localPeer == null) {
            return List.of();
        }
        TrackedChannel half = member.localPeer;
        List<TrackedChannel> phones = new ArrayList<>(2);
        for (TrackedChannel candidate : member.call.channels) {
            if (candidate.dialledBy == half && candidate.isOperatorPhone()) {
                phones.add(candidate);
            }
        }
        return phones;
    }

    // ------------------------------------------------------------------------------------------------ transfers

    private void onBlindTransfer(BlindTransferred e) {
        if (!e.success()) {
            return;
        }
        TrackedChannel transferer = channels.get(e.transferer().uniqueId());
        if (transferer == null) {
            stats.unknownChannel.increment();
            return;
        }
        String target = numbers.normalize(e.extension());
        recordTransfer(transferer.call, transferer, target == null ? e.extension() : target, TransferKind.BLIND, e.at());
    }

    private void onAttendedTransfer(AttendedTransferred e) {
        if (!e.success()) {
            return;
        }
        TrackedChannel original = channels.get(e.originalTransferer().uniqueId());
        TrackedChannel second = e.secondTransferer() == null ? null : channels.get(e.secondTransferer().uniqueId());
        if (original == null) {
            stats.unknownChannel.increment();
            return;
        }
        TrackedCall call = original.call;
        if (second != null && second.call != call) {
            merge(second.call, call, e.at());
        }
        String from = operatorOf(original);
        TrackedOffer target = call.activeAnswered(from);
        String to = target != null ? target.extension : targetOf(e);
        if (target != null && target.transferredFrom == null) {
            target.transferredFrom = from;
        }
        recordTransfer(call, original, to, TransferKind.ATTENDED, e.at());
    }

    private String targetOf(AttendedTransferred e) {
        if (e.transferTarget() == null) {
            return null;
        }
        TrackedChannel target = channels.get(e.transferTarget().uniqueId());
        return target == null ? null : operatorOf(target);
    }

    private void recordTransfer(TrackedCall call, TrackedChannel transferer, String to, TransferKind kind, Instant at) {
        String from = operatorOf(transferer);
        TrackedOffer offer = transferer.offer;
        if (offer != null && offer.isOpen()) {
            offer.transferredTo = to;
            endOffer(call, offer, OfferResult.TRANSFERRED, at);
        }
        call.pendingTransferFrom = from;
        call.transfers.add(new TransferRecord(from, to, kind, at));
        emit(new CallEvent.CallTransferred(call.id, at, from, to, kind));
    }

    /** The operator a leg stands for: its phone's extension, or the operator key of its offer, or its caller id. */
    private static String operatorOf(TrackedChannel channel) {
        if (channel.offer != null) {
            return channel.offer.extension;
        }
        if (channel.extension != null) {
            return channel.extension;
        }
        if (channel.isLocal() && channel.parsed.localExten() != null) {
            return channel.parsed.localExten();
        }
        return channel.callerNumber;
    }

    /** A consultation call becomes part of the call it was made for; its legs and offers move over. */
    private void merge(TrackedCall absorbed, TrackedCall into, Instant at) {
        for (TrackedChannel channel : absorbed.channels) {
            channel.call = into;
            into.channels.add(channel);
        }
        for (TrackedOffer offer : absorbed.offers.values()) {
            into.offers.putIfAbsent(offer.extension, offer);
        }
        calls.remove(absorbed.id);
        aliases.put(absorbed.id, into);
        into.absorbedIds.add(absorbed.id);
        aliases.replaceAll((id, call) -> call == absorbed ? into : call);
        emit(new CallEvent.CallsMerged(into.id, at, absorbed.id));
    }

    // ------------------------------------------------------------------------------------------------ pickup

    /**
     * Call pickup ({@code *8}, {@code PickupChan}): the picker's phone takes the call that rang on the target leg.
     * The picker dialled a feature code, which started a "call" of its own Linkedid: that is no call, it becomes part
     * of the picked call. The picker's offer starts answered; the operator whose phone rang was answered elsewhere.
     */
    private void onPickedUp(PickedUp e) {
        TrackedChannel target = channels.get(e.target().uniqueId());
        TrackedChannel picker = channelFor(e.picker(), e.at());
        if (target == null || picker == null) {
            stats.unknownChannel.increment();
            return;
        }
        TrackedCall call = target.call;
        if (picker.call != call) {
            merge(picker.call, call, e.at());
        }
        if (!picker.isOperatorPhone()) {
            return;
        }
        TrackedOffer rang = target.offer;
        boolean hadOffer = call.offers.containsKey(picker.extension);
        TrackedOffer picked = offerRings(picker, e.at());
        picked.pickedUp |= !hadOffer;
        if (picked.isRinging()) {
            answerOffer(call, picked, picker, e.at());
        }
        if (rang != null && rang != picked && rang.isRinging()) {
            endOffer(call, rang, OfferResult.ANSWERED_ELSEWHERE, e.at());
        }
    }

    // ------------------------------------------------------------------------------------------------ hold

    private void onHoldChanged(HoldChanged e) {
        TrackedChannel channel = channels.get(e.channel().uniqueId());
        if (channel == null) {
            stats.unknownChannel.increment();
            return;
        }
        TrackedOffer offer = channel.offer;
        if (offer == null || !offer.isAnswered() || offer.onHold == e.onHold()) {
            return; // e.g. the Unhold Asterisk raises at a blind transfer of a call that was never held
        }
        offer.hold(e.onHold(), e.at());
        emit(e.onHold()
                ? new CallEvent.CallHeld(channel.call.id, e.at(), offer.extension)
                : new CallEvent.CallResumed(channel.call.id, e.at(), offer.extension));
    }

    // ------------------------------------------------------------------------------------------------ resync

    /** Items of a resync list are kept until the list is whole: a call's legs may be listed in any order. */
    private void onSnapshot(ChannelSnapshot e) {
        snapshots.computeIfAbsent(e.listId(), id -> new ArrayList<>()).add(e);
    }

    private void onSnapshotComplete(SnapshotComplete e) {
        List<ChannelSnapshot> listed = snapshots.remove(e.listId());
        List<ChannelSnapshot> items = listed == null ? List.of() : listed;
        Set<String> present = new HashSet<>();
        // first legs first, so that each new call is described by its true origin
        List<ChannelSnapshot> ordered = new ArrayList<>(items);
        ordered.sort((a, b) -> Boolean.compare(!isFirstLeg(a.channel()), !isFirstLeg(b.channel())));
        for (ChannelSnapshot item : ordered) {
            present.add(item.channel().uniqueId());
            learn(item);
        }
        // the legs that went away first, then what the listed ones do now: a phone found talking on a call whose
        // earlier operator is gone was passed on (a transfer made while we were not watching), not consulted
        closeVanished(present, e.at());
        for (ChannelSnapshot item : items) {
            TrackedChannel channel = channels.get(item.channel().uniqueId());
            if (channel != null) {
                applySnapshotState(channel, item);
            }
        }
        stats.reconciled(e.listId());
        Set<String> inProgress = new HashSet<>();
        for (TrackedCall call : calls.values()) {
            inProgress.add(call.id);
        }
        try {
            listener.onReconciled(e.at(), Set.copyOf(inProgress));
        } catch (RuntimeException failure) {
            stats.listenerFailures.increment();
            log.error("A call event listener failed on reconciliation", failure);
        }
    }

    /**
     * Legs the PBX no longer lists ended while we were not watching: when, and how, was not seen. A ring that stopped
     * meanwhile ends {@code unknown} (it may have been answered, missed or abandoned), and so does a call that
     * nobody was seen answering; what was seen (an answer, a transfer) stays.
     */
    private void closeVanished(Set<String> present, Instant at) {
        List<String> gone = new ArrayList<>();
        for (String uniqueId : channels.keySet()) {
            if (!present.contains(uniqueId)) {
                gone.add(uniqueId);
            }
        }
        if (!gone.isEmpty()) {
            log.info("Resync: {} legs hung up while we were not watching; closing them", gone.size());
        }
        for (String uniqueId : gone) {
            stats.closedByResync.increment();
            TrackedChannel channel = channels.get(uniqueId);
            channel.call.endUnobserved = true;
            if (channel.offer != null && channel.offer.isRinging() && channel.ringEnd == null) {
                channel.ringEnd = OfferResult.UNKNOWN;
            }
            onHungUp(uniqueId, at, 0, UNOBSERVED_END);
        }
    }

    private static boolean isFirstLeg(ChannelRef ref) {
        return ref.uniqueId().equals(ref.linkedId());
    }

    /** Registers a listed leg the tracker did not know (it appeared while AMI was away), or refreshes a known one. */
    private void learn(ChannelSnapshot item) {
        TrackedChannel channel = channels.get(item.channel().uniqueId());
        if (channel == null) {
            Instant createdAt = item.age() == null ? item.at() : item.at().minus(item.age());
            channel = createChannel(item.channel(), item.at(), createdAt, item.callerNumber(), item.exten());
            if (channel == null) {
                return;
            }
            stats.learnedFromSnapshot.increment();
        }
        channel.state = item.state();
    }

    /** A listed phone leg that rings or talks has an offer; one that went Up while we were away was answered. */
    private void applySnapshotState(TrackedChannel channel, ChannelSnapshot item) {
        if (!channel.isOperatorPhone() || channel == channel.call.origin) {
            return;
        }
        if (item.state() == ChannelState.RINGING) {
            offerRings(channel, channel.createdAt).rang = true;
        } else if (item.state() == ChannelState.UP) {
            TrackedOffer offer = offerRings(channel, channel.createdAt);
            if (offer.isRinging()) {
                Instant answeredAt = item.bridged() == null ? item.at() : item.at().minus(item.bridged());
                answerOffer(channel.call, offer, channel, answeredAt.isBefore(offer.ringAt) ? offer.ringAt : answeredAt);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ offers

    /** The offer for the operator behind this phone leg: made (and announced) once, rung again if it had ended. */
    private TrackedOffer offerRings(TrackedChannel phone, Instant at) {
        return offerRings(phone, phone.extension, at);
    }

    private TrackedOffer offerRings(TrackedChannel leg, String operator, Instant at) {
        TrackedCall call = leg.call;
        TrackedOffer offer = call.offers.get(operator);
        if (offer != null && offer.isOpen()) {
            // the same ring seen through another signal, or another device of an operator already ringing or talking
            attach(offer, leg);
            return offer;
        }
        if (offer == null) {
            offer = new TrackedOffer(operator, at);
            call.offers.put(operator, offer);
            stats.offers.increment();
        } else {
            // the same phone rings again for the same call (a queue's next round, a transfer back): same offer
            offer.state = TrackedOffer.State.RINGING;
            offer.result = null;
            offer.endAt = null;
            offer.legs.clear();
            offer.device = null;
        }
        attach(offer, leg);
        if (call.callerNumber == null && call.origin != null && call.origin.isLocal()) {
            call.callerNumber = operator; // a click-to-call through a Local channel: the first phone rung is the caller
        }
        if (offer.transferredFrom == null) {
            offer.transferredFrom = transferSource(call, operator, at);
        }
        emit(new CallEvent.OfferRinging(call.id, at, operator, call.info(), offer.transferredFrom));
        return offer;
    }

    /**
     * Who passes the call on when a new phone rings: a transferer, the operator talking (a consultation), or an
     * operator who talked and left the call to the PBX (an AMI Redirect or a re-queue, which raise no transfer
     * event): that last case is recorded as a blind transfer.
     */
    private String transferSource(TrackedCall call, String ringing, Instant at) {
        if (call.pendingTransferFrom != null && !call.pendingTransferFrom.equals(ringing)) {
            return call.pendingTransferFrom;
        }
        TrackedOffer talking = call.activeAnswered(ringing);
        if (talking != null) {
            return talking.extension;
        }
        TrackedOffer leftBefore = null;
        for (TrackedOffer offer : call.offers.values()) {
            if (offer.result == OfferResult.ANSWERED && !offer.extension.equals(ringing)
                    && (leftBefore == null || offer.endAt.isAfter(leftBefore.endAt))) {
                leftBefore = offer;
            }
        }
        if (leftBefore == null) {
            return null;
        }
        leftBefore.result = OfferResult.TRANSFERRED;
        leftBefore.transferredTo = ringing;
        call.pendingTransferFrom = leftBefore.extension;
        call.transfers.add(new TransferRecord(leftBefore.extension, ringing, TransferKind.BLIND, at));
        emit(new CallEvent.CallTransferred(call.id, at, leftBefore.extension, ringing, TransferKind.BLIND));
        return leftBefore.extension;
    }

    /** A device's leg rings (or talks) for the offer. */
    private void attach(TrackedOffer offer, TrackedChannel leg) {
        leg.offer = offer;
        offer.legs.add(leg);
        if (offer.device == null || !channels.containsKey(offer.device.uniqueId)) {
            offer.device = leg;
        }
    }

    /** The offer is answered on {@code device}, which from now on carries the operator's part of the call. */
    private void answerOffer(TrackedCall call, TrackedOffer offer, TrackedChannel device, Instant at) {
        offer.device = device;
        offer.state = TrackedOffer.State.ANSWERED;
        if (offer.answerAt == null) {
            offer.answerAt = at;
        }
        if (call.firstAnswer == null && call.direction != CallDirection.OUTBOUND) {
            call.firstAnswer = offer;
        }
        emit(new CallEvent.OfferAnswered(call.id, at, offer.extension, call.info(), device.name));
    }

    private void endOffer(TrackedCall call, TrackedOffer offer, OfferResult result, Instant at) {
        offer.state = TrackedOffer.State.ENDED;
        offer.result = result;
        offer.endAt = at;
        offer.stopHold(at);
        String answeredBy = result == OfferResult.ANSWERED_ELSEWHERE && call.firstAnswer != null
                ? call.firstAnswer.extension : null;
        emit(new CallEvent.OfferEnded(call.id, at, offer.extension, result, answeredBy));
    }

    // ------------------------------------------------------------------------------------------------ calls

    private TrackedChannel channelFor(ChannelRef ref, Instant at) {
        TrackedChannel channel = channels.get(ref.uniqueId());
        if (channel != null) {
            return channel;
        }
        stats.unknownChannel.increment();
        return createChannel(ref, at, at, null, null);
    }

    /** Registers a leg and joins it to its call (a new call when it is the first leg of its Linkedid). */
    private TrackedChannel createChannel(ChannelRef ref, Instant at, Instant createdAt, String callerNumber,
                                         String exten) {
        String linkedId = ref.linkedId() != null ? ref.linkedId() : ref.uniqueId();
        if (ref.name() == null) {
            stats.unusable.increment();
            return null;
        }
        ChannelName parsed = ChannelName.parse(ref.name());
        String extension = parsed.local() ? null : endpoints.extensionOf(parsed);
        TrackedChannel.Role role = parsed.local() ? TrackedChannel.Role.LOCAL
                : extension != null ? TrackedChannel.Role.OPERATOR_PHONE : TrackedChannel.Role.OUTSIDE_LINE;
        TrackedChannel channel = new TrackedChannel(ref.uniqueId(), ref.name(), parsed, role, extension, createdAt);
        channel.callerNumber = callerNumber;
        channel.exten = exten;
        TrackedCall call = calls.get(linkedId);
        if (call == null) {
            call = aliases.get(linkedId);
        }
        if (call == null) {
            String callId = recentlyEnded.containsKey(linkedId) ? linkedId + "-" + ref.uniqueId() : linkedId;
            call = new TrackedCall(callId, createdAt);
            call.origin = channel;
            calls.put(linkedId, call);
            stats.callsStarted.increment();
            channel.call = call;
            call.channels.add(channel);
            channels.put(channel.uniqueId, channel);
            describeOrigin(call, channel);
            emit(new CallEvent.CallStarted(call.id, at, call.info()));
            return channel;
        }
        if (createdAt.isBefore(call.startAt)) {
            call.startAt = createdAt;
        }
        if (ref.uniqueId().equals(linkedId) && call.origin != channel) {
            call.origin = channel; // the true first leg, listed after a later one in a resync
            describeOrigin(call, channel);
        }
        channel.call = call;
        call.channels.add(channel);
        channels.put(channel.uniqueId, channel);
        return channel;
    }

    /** Who calls whom, from the call's first leg: an outside line calls in, a phone calls internally (or out). */
    private void describeOrigin(TrackedCall call, TrackedChannel origin) {
        String exten = origin.exten == null || origin.exten.isEmpty() || "s".equals(origin.exten) ? null : origin.exten;
        if (origin.isOutsideLine()) {
            call.direction = CallDirection.INBOUND;
            call.callerNumber = numbers.normalize(origin.callerNumber);
            call.dialedNumber = numbers.normalize(exten);
        } else {
            if (call.direction != CallDirection.OUTBOUND) {
                call.direction = CallDirection.INTERNAL;
            }
            if (origin.isOperatorPhone()) {
                call.callerNumber = origin.extension;
            }
            if (call.dialedNumber == null) {
                call.dialedNumber = numbers.normalize(exten);
            }
        }
    }

    private void endCall(TrackedCall call, Instant at) {
        for (TrackedOffer offer : call.offers.values()) {
            if (offer.isAnswered()) {
                endOffer(call, offer, OfferResult.ANSWERED, at);
            } else if (offer.isRinging()) {
                endOffer(call, offer, call.endUnobserved ? OfferResult.UNKNOWN : CallOutcomes.unansweredOutcome(call),
                        at);
            }
        }
        calls.values().remove(call);
        aliases.values().removeIf(c -> c == call);
        recentlyEnded.put(call.id, Boolean.TRUE);
        for (String absorbed : call.absorbedIds) {
            recentlyEnded.put(absorbed, Boolean.TRUE);
        }
        stats.callsEnded.increment();
        emit(new CallEvent.CallEnded(call.id, at, CallOutcomes.record(call, at)));
    }

    private void emit(CallEvent event) {
        try {
            listener.onCallEvent(event);
        } catch (RuntimeException e) {
            stats.listenerFailures.increment();
            log.error("A call event listener failed on {}", event, e);
        }
    }
}
