package dev.zvonok.server.sim;

import static dev.zvonok.server.sim.Role.DID;
import static dev.zvonok.server.sim.Role.EXTERNAL_NUMBER;
import static dev.zvonok.server.sim.Role.OPERATOR;
import static dev.zvonok.server.sim.Role.OTHER_MEMBER;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One call of a recording, seen as an instance of a {@link Shape}: which trace, which call in it (1 = the first
 * Linkedid to appear), and the tokens its parties have there.
 *
 * <p>Every shape has its own recording; some traces hold more calls of an existing shape (11 call A, both calls of 15).
 * {@link ShapeLibrary#reproduction(String)} uses these to rebuild a whole trace's calls.
 */
public record Recording(String trace, int callNumber, Shape shape, Map<Role, String> parties) {

    public Recording {
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(shape, "shape");
        if (callNumber < 1) {
            throw new IllegalArgumentException("callNumber counts from 1");
        }
        if (!parties.keySet().equals(shape.recordedParties().keySet())) {
            throw new IllegalArgumentException(trace + " call " + callNumber + " needs the roles of " + shape);
        }
        parties = Collections.unmodifiableMap(new EnumMap<>(parties));
    }

    /** Every call of the recordings that a shape covers: the shapes' own, then the extra ones. */
    public static List<Recording> all() {
        List<Recording> all = new ArrayList<>();
        Arrays.stream(Shape.values()).map(Shape::recording).forEach(all::add);
        all.add(new Recording("11-two-overlapping-inbound", 1, Shape.DIRECT_ANSWERED,
                Map.of(EXTERNAL_NUMBER, "+79991234567", OPERATOR, "777")));
        all.add(new Recording("15-restricted-manager-user", 1, Shape.DIRECT_ANSWERED,
                Map.of(EXTERNAL_NUMBER, "89271390907", OPERATOR, "777")));
        all.add(new Recording("15-restricted-manager-user", 2, Shape.QUEUE_ANSWERED,
                Map.of(EXTERNAL_NUMBER, "+79991234567", DID, "74951234567", OPERATOR, "888", OTHER_MEMBER, "777")));
        return List.copyOf(all);
    }

    /** The calls of one trace that shapes cover, in call order; empty for 13 (it starts mid-call). */
    public static List<Recording> inTrace(String trace) {
        return all().stream()
                .filter(recording -> recording.trace().equals(trace))
                .sorted(Comparator.comparingInt(Recording::callNumber))
                .toList();
    }
}
