package dev.zvonok.server.sim;

import dev.zvonok.server.amiwire.AmiMessage;
import dev.zvonok.server.amiwire.TimedMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * A simulated Asterisk: generates calls of the recorded shapes as AMI event timelines, with fresh ids that no other
 * call of this simulator shares.
 *
 * <p>Its timeline starts at {@link #epoch()} (ms 0): message times are ms from there, and time fields in the
 * messages ({@code EventTV}, CDR times, Uniqueid epochs) are the epoch plus those ms. Output is a function of the
 * epoch, the seed and the calls asked for, in the order asked.
 */
public final class PbxSimulator {

    private final ShapeLibrary shapes;
    private final Instant epoch;
    private final FreshIds ids;

    public PbxSimulator(ShapeLibrary shapes, Instant epoch, long seed) {
        this.shapes = Objects.requireNonNull(shapes, "shapes");
        this.epoch = Objects.requireNonNull(epoch, "epoch");
        this.ids = new FreshIds(seed);
    }

    public ShapeLibrary shapes() {
        return shapes;
    }

    /** The wall-clock time of the timeline's ms 0. */
    public Instant epoch() {
        return epoch;
    }

    /** One call starting at {@code startMillis}; its ids are drawn now. */
    public SimulatedCall call(CallSpec spec, long startMillis) {
        return new SimulatedCall(shapes.template(spec.shape()), spec, startMillis, epoch.toEpochMilli(), ids);
    }

    public SimulatedCall call(ScheduledCall scheduled) {
        return call(scheduled.spec(), scheduled.startMillis());
    }

    /** Many calls merged into one timeline, in time order (stable); ids are drawn in the order given. */
    public List<TimedMessage> timeline(List<ScheduledCall> calls) {
        List<SimulatedCall> generated = new ArrayList<>(calls.size());
        for (ScheduledCall scheduled : calls) {
            generated.add(call(scheduled));
        }
        return merge(generated);
    }

    /** The messages of calls already generated, merged in time order (stable: by start, then as given). */
    public static List<TimedMessage> merge(List<SimulatedCall> calls) {
        List<SimulatedCall> byStart = new ArrayList<>(calls);
        byStart.sort(Comparator.comparingLong(SimulatedCall::startMillis));
        List<TimedMessage> merged = new ArrayList<>();
        merge(byStart.iterator()).forEachRemaining(merged::add);
        return merged;
    }

    /**
     * The messages of calls that come in order of their start, merged lazily: a call is rendered while it is in
     * progress, so an endless source works and memory holds only the calls in progress.
     */
    public static Iterator<TimedMessage> merge(Iterator<SimulatedCall> callsInStartOrder) {
        return new MergedTimeline(callsInStartOrder);
    }

    /**
     * The click-to-call an AMI {@code Originate} action asks for ({@code Channel: SIP/777}, {@code Exten: number},
     * {@code ActionID}), starting at {@code atMillis}, with the recorded waits. Its {@code OriginateResponse}
     * carries the action's ActionID. The immediate {@code Response} is the endpoint's to send:
     * {@link ClickToCall#queuedResponse(AmiMessage)}.
     *
     * <p>Live, with one simulator whose epoch is when the PBX came up:
     * {@code originate(action, simulator.millisAt(Instant.now())).messagesFromStart()} is a timeline to play from
     * now, whose time fields agree with the wall clock.
     */
    public SimulatedCall originate(AmiMessage originateAction, long atMillis) {
        return call(ClickToCall.spec(originateAction), atMillis);
    }

    /** The ms of the timeline that is now, for a caller that plays it in real time. */
    public long millisAt(Instant instant) {
        return instant.toEpochMilli() - epoch.toEpochMilli();
    }
}
