package dev.zvonok.server.sim;

import dev.zvonok.server.amiwire.TimedMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Calls for load benchmarks: they arrive at random (a Poisson process) at a given mean rate, with a mix of shapes,
 * spread evenly over many operators, with human waits drawn from ranges. Everything follows from the seed.
 *
 * <p>Operators take turns as the call's {@link Role#OPERATOR} in a shuffled order, so over any thousand calls each of
 * a thousand operators gets one; the other roles (queue partner, transfer target, called colleague) are drawn at
 * random. At high rates an operator is in several calls at once: the shapes do not know about each other.
 */
public final class LoadGenerator {

    /** A range of lengths for one kind of wait; each call draws uniformly within it. */
    public record WaitRange(Duration min, Duration max) {
        public WaitRange {
            if (min.isNegative() || max.compareTo(min) < 0) {
                throw new IllegalArgumentException("need 0 <= min <= max: " + min + ", " + max);
            }
        }

        public static WaitRange seconds(long min, long max) {
            return new WaitRange(Duration.ofSeconds(min), Duration.ofSeconds(max));
        }
    }

    /**
     * @param operators      the operators' extensions
     * @param callsPerSecond mean arrival rate
     * @param mix            relative weight of each shape (shapes left out do not occur)
     * @param waits          range per kind of human wait; PBX timers stay as recorded
     */
    public record Settings(List<String> operators, double callsPerSecond, Map<Shape, Double> mix,
                           Map<Wait.Kind, WaitRange> waits, String queueDid, String ringGroupDid,
                           String localQueueDid, long seed) {

        public Settings {
            operators = List.copyOf(operators);
            if (operators.size() < 2) {
                throw new IllegalArgumentException("queues, ring groups and transfers need at least two operators");
            }
            if (!(callsPerSecond > 0)) {
                throw new IllegalArgumentException("callsPerSecond must be positive");
            }
            mix = Collections.unmodifiableMap(new EnumMap<>(mix));
            if (mix.isEmpty() || mix.values().stream().anyMatch(weight -> !(weight >= 0))
                    || mix.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
                throw new IllegalArgumentException("the mix needs a positive weight: " + mix);
            }
            waits = Collections.unmodifiableMap(new EnumMap<>(waits));
        }

        /** Operators {@code first}..{@code last} (e.g. 1000..1999), the default mix and waits, seed 1. */
        public static Settings of(int firstExtension, int lastExtension, double callsPerSecond) {
            List<String> operators = IntStream.rangeClosed(firstExtension, lastExtension).mapToObj(Integer::toString)
                    .toList();
            return new Settings(operators, callsPerSecond, defaultMix(), defaultWaits(), "74951234567",
                    "74951234500", "74951234568", 1);
        }

        /** Mostly answered direct and queue calls, some of every other shape. */
        public static Map<Shape, Double> defaultMix() {
            Map<Shape, Double> mix = new EnumMap<>(Shape.class);
            mix.put(Shape.DIRECT_ANSWERED, 25.0);
            mix.put(Shape.DIRECT_ANSWERED_OPERATOR_HANGS_UP, 10.0);
            mix.put(Shape.DIRECT_NO_ANSWER, 5.0);
            mix.put(Shape.DIRECT_BUSY, 3.0);
            mix.put(Shape.DIRECT_ABANDONED, 5.0);
            mix.put(Shape.QUEUE_ANSWERED, 15.0);
            mix.put(Shape.QUEUE_LOCAL_MEMBERS, 5.0);
            mix.put(Shape.RING_GROUP_ANSWERED, 5.0);
            mix.put(Shape.BLIND_TRANSFER, 4.0);
            mix.put(Shape.ATTENDED_TRANSFER, 3.0);
            mix.put(Shape.CLICK_TO_CALL, 10.0);
            mix.put(Shape.INTERNAL, 5.0);
            mix.put(Shape.HOLD_RESUME, 5.0);
            return mix;
        }

        public static Map<Wait.Kind, WaitRange> defaultWaits() {
            return Map.of(Wait.Kind.RINGING, WaitRange.seconds(2, 10), Wait.Kind.TALKING, WaitRange.seconds(10, 120),
                    Wait.Kind.HOLDING, WaitRange.seconds(5, 30));
        }

        public Settings withMix(Map<Shape, Double> shapes) {
            return new Settings(operators, callsPerSecond, shapes, waits, queueDid, ringGroupDid, localQueueDid, seed);
        }

        public Settings withWaits(Wait.Kind kind, WaitRange range) {
            Map<Wait.Kind, WaitRange> changed = new EnumMap<>(Wait.Kind.class);
            changed.putAll(waits);
            changed.put(kind, range);
            return new Settings(operators, callsPerSecond, mix, changed, queueDid, ringGroupDid, localQueueDid, seed);
        }

        public Settings withSeed(long newSeed) {
            return new Settings(operators, callsPerSecond, mix, waits, queueDid, ringGroupDid, localQueueDid, newSeed);
        }
    }

    private final PbxSimulator simulator;
    private final Settings settings;

    public LoadGenerator(PbxSimulator simulator, Settings settings) {
        this.simulator = Objects.requireNonNull(simulator, "simulator");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The arrivals, in start order, for ever: what to call, when. Each call of this method starts over. */
    public Iterator<ScheduledCall> schedule(long startMillis) {
        return new Arrivals(startMillis);
    }

    /** The calls arriving in {@code [startMillis, startMillis + span)}, generated as they are reached. */
    public Iterator<SimulatedCall> calls(long startMillis, Duration span) {
        Iterator<ScheduledCall> arrivals = schedule(startMillis);
        long end = startMillis + span.toMillis();
        return new Iterator<>() {
            private ScheduledCall upcoming = arrivals.next();

            @Override
            public boolean hasNext() {
                return upcoming.startMillis() < end;
            }

            @Override
            public SimulatedCall next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                SimulatedCall call = simulator.call(upcoming);
                upcoming = arrivals.next();
                return call;
            }
        };
    }

    /** Every message of the calls arriving in the span, in time order; memory holds only the calls in progress. */
    public Iterator<TimedMessage> messages(long startMillis, Duration span) {
        return PbxSimulator.merge(calls(startMillis, span));
    }

    private final class Arrivals implements Iterator<ScheduledCall> {
        private final SplittableRandom random = new SplittableRandom(settings.seed());
        private final List<Shape> shapes = new ArrayList<>(settings.mix().keySet());
        private final double[] cumulativeWeights = new double[shapes.size()];
        private final List<String> turns = new ArrayList<>(settings.operators());
        private int turn = turns.size();
        private double atMillis;

        Arrivals(long startMillis) {
            atMillis = startMillis;
            double sum = 0;
            for (int i = 0; i < shapes.size(); i++) {
                sum += settings.mix().get(shapes.get(i));
                cumulativeWeights[i] = sum;
            }
        }

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public ScheduledCall next() {
            atMillis += -Math.log(1 - random.nextDouble()) * 1000 / settings.callsPerSecond();
            Shape shape = pickShape();
            String operator = nextOperator();
            Map<Role, String> parties = new EnumMap<>(Role.class);
            for (Role role : shape.recordedParties().keySet()) {
                parties.put(role, switch (role) {
                    case OPERATOR -> operator;
                    case OTHER_MEMBER, TRANSFER_TARGET, CALLED_OPERATOR -> colleagueOf(operator);
                    case EXTERNAL_NUMBER -> outsideNumber();
                    case DID -> shape == Shape.RING_GROUP_ANSWERED ? settings.ringGroupDid()
                            : shape == Shape.QUEUE_LOCAL_MEMBERS ? settings.localQueueDid() : settings.queueDid();
                });
            }
            Map<Wait, Duration> waits = new EnumMap<>(Wait.class);
            for (Wait wait : shape.waits()) {
                WaitRange range = settings.waits().get(wait.kind());
                if (range != null) {
                    long min = range.min().toMillis();
                    waits.put(wait, Duration.ofMillis(min + random.nextLong(range.max().toMillis() - min + 1)));
                }
            }
            return new ScheduledCall(new CallSpec(shape, parties, waits, null), Math.round(atMillis));
        }

        private Shape pickShape() {
            double x = random.nextDouble() * cumulativeWeights[cumulativeWeights.length - 1];
            for (int i = 0; i < cumulativeWeights.length; i++) {
                if (x < cumulativeWeights[i]) {
                    return shapes.get(i);
                }
            }
            return shapes.get(shapes.size() - 1);
        }

        /** The operators take turns, in an order shuffled anew each time all have had one. */
        private String nextOperator() {
            if (turn == turns.size()) {
                for (int i = turns.size() - 1; i > 0; i--) {
                    Collections.swap(turns, i, random.nextInt(i + 1));
                }
                turn = 0;
            }
            return turns.get(turn++);
        }

        private String colleagueOf(String operator) {
            String colleague;
            do {
                colleague = settings.operators().get(random.nextInt(settings.operators().size()));
            } while (colleague.equals(operator));
            return colleague;
        }

        /** A Russian mobile number, written as callers' numbers arrive: {@code 89XXXXXXXXX} or {@code +79XXXXXXXXX}. */
        private String outsideNumber() {
            String subscriber = String.format("%09d", random.nextLong(1_000_000_000L));
            return (random.nextBoolean() ? "89" : "+79") + subscriber;
        }
    }
}
