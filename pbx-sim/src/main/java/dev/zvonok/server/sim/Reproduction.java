package dev.zvonok.server.sim;

import dev.zvonok.server.amiwire.TimedMessage;
import java.time.Instant;
import java.util.List;

/**
 * The parameters that rebuild the calls of one recording (see {@link ShapeLibrary#reproduction(String)}).
 *
 * @param origin wall-clock time of the recording's time 0: use it as the simulator's epoch
 * @param calls  the recording's calls as shapes, at the ms they started in the recording
 */
public record Reproduction(String trace, Instant origin, List<ScheduledCall> calls) {

    public Reproduction {
        calls = List.copyOf(calls);
    }

    /** The calls of the recording, generated with fresh ids. */
    public List<TimedMessage> generate(ShapeLibrary shapes, long seed) {
        return new PbxSimulator(shapes, origin, seed).timeline(calls);
    }
}
