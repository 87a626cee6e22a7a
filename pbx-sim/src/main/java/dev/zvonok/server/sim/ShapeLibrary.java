package dev.zvonok.server.sim;

import dev.zvonok.server.amiwire.AmiTrace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The call shapes, compiled once from the recordings. Immutable and thread-safe: build one per process (or test
 * class) and hand it to every {@link PbxSimulator}.
 */
public final class ShapeLibrary {

    private final Function<String, AmiTrace> traces;
    private final Map<Shape, CallTemplate> templates = new EnumMap<>(Shape.class);

    private ShapeLibrary(Function<String, AmiTrace> traces) {
        this.traces = traces;
        for (Shape shape : Shape.values()) {
            templates.put(shape, TemplateCompiler.compile(traces.apply(shape.trace()), shape.recording()));
        }
    }

    /** The recordings shipped on the class path, under {@code /ami-traces/}. */
    public static ShapeLibrary load() {
        return new ShapeLibrary(name -> AmiTrace.loadResource("/ami-traces/" + name + ".ami"));
    }

    /** The recordings in a directory ({@code NN-name.ami} with its {@code .timing.tsv}). */
    public static ShapeLibrary load(Path directory) {
        return new ShapeLibrary(name -> AmiTrace.load(directory.resolve(name + ".ami")));
    }

    /** The shape's waits as recorded, in its order. */
    public Map<Wait, Duration> recordedWaits(Shape shape) {
        return template(shape).recordedWaits();
    }

    /** The shape exactly as recorded: the recording's parties, and its waits spelled out. */
    public CallSpec recordedSpec(Shape shape) {
        return CallSpec.of(shape).withWaits(recordedWaits(shape));
    }

    /**
     * What rebuilds the calls of a recording: when its time 0 was, and each call it holds with the recording's
     * parties and waits, at the recorded moment. Generated with that origin as epoch, every time and duration field
     * equals the recording's, and every message is due at the ms it arrived; only ids are fresh.
     *
     * @throws IllegalArgumentException for a trace no shape covers (13 starts in the middle of its calls)
     */
    public Reproduction reproduction(String trace) {
        List<Recording> recordings = Recording.inTrace(trace);
        if (recordings.isEmpty()) {
            throw new IllegalArgumentException("no shape covers the calls of " + trace);
        }
        AmiTrace recorded = traces.apply(trace);
        List<ScheduledCall> calls = new ArrayList<>();
        CallTemplate first = null;
        for (Recording recording : recordings) {
            CallTemplate template = TemplateCompiler.compile(recorded, recording);
            first = first == null ? template : first;
            CallSpec spec = new CallSpec(recording.shape(), recording.parties(), template.recordedWaits(), null);
            calls.add(new ScheduledCall(spec, template.recordedStartTraceMillis()));
        }
        return new Reproduction(trace, first.recordedOrigin(), calls);
    }

    CallTemplate template(Shape shape) {
        return Objects.requireNonNull(templates.get(shape), shape::name);
    }
}
