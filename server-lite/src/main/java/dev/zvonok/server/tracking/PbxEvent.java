package dev.zvonok.server.tracking;

import java.time.Duration;
import java.time.Instant;

/**
 * The tracker's input: the AMI events that matter for following calls, reduced to what tracking reads.
 *
 * <p>These are our own types, filled at the edge from asterisk-java's events, so that the state machine never sees
 * the library and can be fed from recordings, a simulator or hand-written sequences alike.
 */
public sealed interface PbxEvent {

    /** When the event happened (or, lacking a PBX timestamp, when it was received). */
    Instant at();

    /** Newchannel: a leg appears. {@code exten} is where it starts in the dialplan (the DID for a trunk leg). */
    record ChannelCreated(Instant at, ChannelRef channel, ChannelState state, String callerNumber, String context,
                          String exten) implements PbxEvent {
    }

    /** Newstate. */
    record ChannelStateChanged(Instant at, ChannelRef channel, ChannelState state, String callerNumber)
            implements PbxEvent {
    }

    /**
     * NewCallerid or Newexten: the leg's caller id or dialplan position changed. {@code exten} is the extension the
     * leg now runs (null when unchanged/unknown).
     */
    record ChannelUpdated(Instant at, ChannelRef channel, String callerNumber, String context, String exten)
            implements PbxEvent {
    }

    /**
     * DialBegin: {@code caller} starts ringing {@code destination}. The caller is null when the PBX itself dials
     * (an AMI Originate). {@code callerExten} is what the caller's leg runs at that moment (the number dialled).
     */
    record DialBegan(Instant at, ChannelRef caller, ChannelRef destination, String dialString, String callerExten)
            implements PbxEvent {
    }

    /** DialState: progress of a dialled leg (RINGING, PROGRESS...). */
    record DialProgressed(Instant at, ChannelRef caller, ChannelRef destination, DialStatus status)
            implements PbxEvent {
    }

    /** DialEnd: the dialled leg answered or the attempt ended (BUSY, NOANSWER, CANCEL...). */
    record DialEnded(Instant at, ChannelRef caller, ChannelRef destination, DialStatus status) implements PbxEvent {
    }

    record BridgeEntered(Instant at, ChannelRef channel, String bridgeId) implements PbxEvent {
    }

    /** HangupRequest: this leg's endpoint hung up (its BYE or CANCEL arrived). {@code cause} may be null. */
    record HangupRequested(Instant at, ChannelRef channel, Integer cause) implements PbxEvent {
    }

    /** Hangup: the leg is gone. */
    record ChannelHungUp(Instant at, ChannelRef channel, int cause, String causeText) implements PbxEvent {
    }

    /** LocalBridge: the two halves ({@code ;1}, {@code ;2}) of a Local channel. */
    record LocalChannelsPaired(Instant at, ChannelRef one, ChannelRef two) implements PbxEvent {
    }

    /** LocalOptimizationEnd: the Local pair was optimised away (or not, when {@code success} is false). */
    record LocalChannelsOptimized(Instant at, ChannelRef one, ChannelRef two, boolean success) implements PbxEvent {
    }

    /** QueueCallerJoin. */
    record QueueJoined(Instant at, ChannelRef caller, String queue, int position) implements PbxEvent {
    }

    /** QueueCallerAbandon: the caller hung up while waiting in the queue. */
    record QueueAbandoned(Instant at, ChannelRef caller, String queue) implements PbxEvent {
    }

    /**
     * AgentCalled, AgentConnect, AgentRingNoAnswer: a queue rings, connects or gives up on a member.
     * {@code member} is the member's channel (for Local members, the {@code ;1} half); {@code memberInterface} the
     * queue member interface such as {@code SIP/888} or {@code Local/777@from-queue/n}.
     */
    record QueueMemberEvent(Instant at, Kind kind, ChannelRef caller, ChannelRef member, String queue,
                            String memberInterface) implements PbxEvent {
        public enum Kind { CALLED, CONNECTED, RING_NO_ANSWER }
    }

    /** BlindTransfer: {@code transferer}'s party ({@code transferee}) is sent to {@code extension}. */
    record BlindTransferred(Instant at, boolean success, ChannelRef transferer, ChannelRef transferee,
                            String extension) implements PbxEvent {
    }

    /**
     * AttendedTransfer: the operator joined the first call ({@code originalTransferer}'s) with the consultation call
     * ({@code secondTransferer}'s). The two transferer legs may be one channel (a PBX-driven Atxfer) or two (a phone's
     * transfer key), and their calls may have different Linkedids.
     */
    record AttendedTransferred(Instant at, boolean success, ChannelRef originalTransferer,
                               ChannelRef secondTransferer, ChannelRef transferee, ChannelRef transferTarget)
            implements PbxEvent {
    }

    /**
     * Pickup ({@code *8}, {@code PickupChan}): {@code picker}'s phone takes the call ringing on {@code target}. The
     * picker's leg started a Linkedid of its own (the feature code) and then carries the picked call's.
     */
    record PickedUp(Instant at, ChannelRef picker, ChannelRef target) implements PbxEvent {
    }

    /** Hold / Unhold on a leg. */
    record HoldChanged(Instant at, ChannelRef channel, boolean onHold) implements PbxEvent {
    }

    /**
     * One CoreShowChannel item of a resynchronisation list: the leg as the PBX has it right now.
     *
     * @param listId  the ActionID that groups the items of one list
     * @param age     how long the channel has existed ({@code Duration}), when known
     * @param bridged how long it has been in its bridge ({@code BridgedDuration}), when known: a phone leg talking
     *                that long was answered that long ago
     */
    record ChannelSnapshot(Instant at, String listId, ChannelRef channel, ChannelState state, String callerNumber,
                           String connectedNumber, String context, String exten, String bridgeId, Duration age,
                           Duration bridged)
            implements PbxEvent {
    }

    /** CoreShowChannelsComplete: the list {@code listId} is whole; anything the PBX did not list is gone. */
    record SnapshotComplete(Instant at, String listId, int items) implements PbxEvent {
    }
}
