package dev.zvonok.app;

import dev.zvonok.server.amiwire.TimedMessage;
import dev.zvonok.server.pbx.Playback;
import dev.zvonok.server.pbx.TimelinePlayer;
import dev.zvonok.server.pbx.TraceTimeline;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A recorded call played a phase at a time, when the test says so: the phone rings, then (on {@link #next()}) it is
 * answered, then hung up. The recordings' phases are apart by seconds of silence (the ring, the talk), so the trace
 * is cut wherever a second or more passes without an event. Each phase plays as recorded from the moment it is asked
 * for, and the PBX stays in the state it left — ringing, talking — for as long as the test needs, however slow the
 * machine: no test races the recording's clock.
 */
final class TraceSteps {

    private static final long PAUSE_MILLIS = 1000;
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final TimelinePlayer player;
    private final String name;
    private final Deque<List<TimedMessage>> phases = new ArrayDeque<>();

    TraceSteps(TimelinePlayer player, String trace) {
        this.player = player;
        this.name = trace;
        TraceTimeline timeline = TraceTimeline.loadResource("/ami-traces/" + trace + ".ami");
        List<TimedMessage> phase = new ArrayList<>();
        long last = Long.MIN_VALUE;
        for (TimedMessage event : timeline.events()) {
            if (!phase.isEmpty() && event.atMillis() - last >= PAUSE_MILLIS) {
                phases.add(rebased(phase));
                phase = new ArrayList<>();
            }
            phase.add(event);
            last = event.atMillis();
        }
        if (!phase.isEmpty()) {
            phases.add(rebased(phase));
        }
    }

    /** How many phases are left to play. */
    int remaining() {
        return phases.size();
    }

    /** Plays the next phase and waits until the PBX has sent all of it. */
    TraceSteps next() {
        List<TimedMessage> phase = phases.poll();
        if (phase == null) {
            throw new IllegalStateException(name + " has no phase left");
        }
        Playback playback = player.schedule(phase, Duration.ZERO);
        try {
            if (!playback.await(PATIENCE)) {
                throw new IllegalStateException(name + ": a phase did not play within " + PATIENCE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** Plays every phase left, one after the other. */
    void rest() {
        while (!phases.isEmpty()) {
            next();
        }
    }

    /** The phase from its own first event on, so that it starts the moment it is asked for. */
    private static List<TimedMessage> rebased(List<TimedMessage> phase) {
        long start = phase.getFirst().atMillis();
        return phase.stream().map(event -> new TimedMessage(event.atMillis() - start, event.message())).toList();
    }
}
