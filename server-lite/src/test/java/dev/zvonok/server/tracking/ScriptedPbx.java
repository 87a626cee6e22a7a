package dev.zvonok.server.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Writes PBX event sequences by hand, for the cases the recordings do not show (lost events, merges, outages).
 * Each call advances the clock by one millisecond unless {@link #after} says otherwise; ids are fresh.
 */
final class ScriptedPbx {

    private final Consumer<PbxEvent> sink;
    private Instant now = Instant.parse("2026-11-21T10:00:00Z");
    private int sequence;

    ScriptedPbx(Consumer<PbxEvent> sink) {
        this.sink = sink;
    }

    Instant now() {
        return now;
    }

    ScriptedPbx after(Duration duration) {
        now = now.plus(duration);
        return this;
    }

    ScriptedPbx afterSeconds(long seconds) {
        return after(Duration.ofSeconds(seconds));
    }

    /** A new call's first leg (its Uniqueid is the Linkedid). */
    ChannelRef firstLeg(String name, String callerNumber, String exten) {
        String id = nextId();
        ChannelRef ref = new ChannelRef(id, id, name);
        emit(new PbxEvent.ChannelCreated(tick(), ref, ChannelState.RING, callerNumber, "from-trunk", exten));
        return ref;
    }

    /** Another leg of the call {@code of} belongs to. */
    ChannelRef leg(ChannelRef of, String name) {
        ChannelRef ref = new ChannelRef(nextId(), of.linkedId(), name);
        emit(new PbxEvent.ChannelCreated(tick(), ref, ChannelState.DOWN, null, "from-internal", "s"));
        return ref;
    }

    /** A leg whose Newchannel never reached us (lost, or before we connected). */
    ChannelRef unseenLeg(ChannelRef of, String name) {
        return new ChannelRef(nextId(), of.linkedId(), name);
    }

    ScriptedPbx dial(ChannelRef caller, ChannelRef destination) {
        return emit(new PbxEvent.DialBegan(tick(), caller, destination, destination.name(), null));
    }

    ScriptedPbx dial(ChannelRef caller, ChannelRef destination, String exten) {
        return emit(new PbxEvent.DialBegan(tick(), caller, destination, destination.name(), exten));
    }

    ScriptedPbx state(ChannelRef leg, ChannelState state) {
        return emit(new PbxEvent.ChannelStateChanged(tick(), leg, state, null));
    }

    ScriptedPbx dialEnd(ChannelRef caller, ChannelRef destination, DialStatus status) {
        return emit(new PbxEvent.DialEnded(tick(), caller, destination, status));
    }

    /** DialEnd ANSWER, both legs Up, both in a new bridge. */
    ScriptedPbx answer(ChannelRef caller, ChannelRef destination) {
        dialEnd(caller, destination, DialStatus.ANSWER);
        state(destination, ChannelState.UP);
        String bridge = "bridge-" + nextId();
        emit(new PbxEvent.BridgeEntered(tick(), destination, bridge));
        return emit(new PbxEvent.BridgeEntered(tick(), caller, bridge));
    }

    ScriptedPbx hangupRequest(ChannelRef leg) {
        return emit(new PbxEvent.HangupRequested(tick(), leg, 16));
    }

    ScriptedPbx hangup(ChannelRef leg, int cause) {
        return emit(new PbxEvent.ChannelHungUp(tick(), leg, cause, "cause " + cause));
    }

    ScriptedPbx emit(PbxEvent event) {
        sink.accept(event);
        return this;
    }

    Instant tick() {
        now = now.plusMillis(1);
        return now;
    }

    private String nextId() {
        return "1795000000." + sequence++;
    }
}
