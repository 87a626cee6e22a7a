package dev.zvonok.server.bench;

import dev.zvonok.server.amiwire.TimedMessage;
import dev.zvonok.server.sim.LoadGenerator;
import dev.zvonok.server.sim.PbxSimulator;
import dev.zvonok.server.sim.ShapeLibrary;
import dev.zvonok.server.sim.SimulatedCall;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A generated event storm: every recorded call shape, 1,000 operators (extensions 1000–1999), callers at random,
 * calls arriving as a Poisson process. Deterministic for a seed.
 */
final class Storm {

    static final Instant EPOCH = Instant.parse("2026-11-23T09:00:00Z");
    static final List<String> OPERATORS = IntStream.rangeClosed(1000, 1999).mapToObj(Integer::toString).toList();

    private Storm() {
    }

    static LoadGenerator load(double callsPerSecond, long seed) {
        PbxSimulator simulator = new PbxSimulator(ShapeLibrary.load(), EPOCH, seed);
        return new LoadGenerator(simulator, LoadGenerator.Settings.of(1000, 1999, callsPerSecond).withSeed(seed));
    }

    /** Every message of the calls that start within {@code span}, in time order, and how many calls they make. */
    static Generated generate(double callsPerSecond, Duration span, long seed) {
        List<SimulatedCall> calls = new ArrayList<>();
        load(callsPerSecond, seed).calls(0, span).forEachRemaining(calls::add);
        return new Generated(PbxSimulator.merge(calls), calls.size());
    }

    record Generated(List<TimedMessage> messages, int calls) {
    }
}
