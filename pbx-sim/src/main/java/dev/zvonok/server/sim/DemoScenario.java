package dev.zvonok.server.sim;

import dev.zvonok.server.amiwire.TimedMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The demo's life on the PBX, in endless rounds: a caller rings the first operator, who answers after a few seconds
 * and talks a while; then the same for the second operator (who hangs up himself); then a queue call, a ring-group
 * call, a blind transfer between the two, and a call to the first operator that nobody answers (a missed call). The operator who answers the queue, the ring group and who transfers
 * alternate between rounds; callers rotate through a list.
 *
 * <p>Calls follow each other with a pause, never overlapping, so that each is easy to watch on screen. Every round
 * draws fresh ids from the simulator, and starts where the previous one ended on the simulator's timeline.
 */
public final class DemoScenario {

    /**
     * @param firstOperator  extension of the first operator (777 on the demo PBX)
     * @param secondOperator extension of the second (888)
     * @param callers        outside numbers that call, in turn
     * @param ring           how long phones ring before the answer
     * @param talk           how long each conversation lasts
     * @param pause          quiet time after each call
     */
    public record Settings(String firstOperator, String secondOperator, List<String> callers, String queueDid,
                           String ringGroupDid, Duration ring, Duration talk, Duration pause) {

        public Settings {
            callers = List.copyOf(callers);
            if (callers.isEmpty()) {
                throw new IllegalArgumentException("the demo needs at least one caller");
            }
            Objects.requireNonNull(ring, "ring");
            Objects.requireNonNull(talk, "talk");
            Objects.requireNonNull(pause, "pause");
        }

        public static Settings defaults() {
            return new Settings("777", "888",
                    List.of("89271390907", "+79991234567", "+74957654321", "89161234567", "+79035551234"),
                    "74951234567", "74951234500", Duration.ofSeconds(4), Duration.ofSeconds(12), Duration.ofSeconds(3));
        }

        public Settings withOperators(String first, String second) {
            return new Settings(first, second, callers, queueDid, ringGroupDid, ring, talk, pause);
        }

        public Settings withCallers(List<String> numbers) {
            return new Settings(firstOperator, secondOperator, numbers, queueDid, ringGroupDid, ring, talk, pause);
        }

        public Settings withTimes(Duration ringing, Duration talking, Duration pausing) {
            return new Settings(firstOperator, secondOperator, callers, queueDid, ringGroupDid, ringing, talking,
                    pausing);
        }
    }

    /** One round: its calls' messages in time order, on the simulator's timeline; it ends after the last pause. */
    public record Round(int number, long startMillis, long endMillis, List<SimulatedCall> calls,
                        List<TimedMessage> messages) {

        public Round {
            calls = List.copyOf(calls);
            messages = List.copyOf(messages);
        }

        /** Its messages with times counted from the round's start, for a player that schedules from "now". */
        public List<TimedMessage> messagesFromStart() {
            return messages.stream().map(timed -> timed.shiftedBy(-startMillis)).toList();
        }
    }

    private final PbxSimulator simulator;
    private final Settings settings;

    public DemoScenario(PbxSimulator simulator, Settings settings) {
        this.simulator = Objects.requireNonNull(simulator, "simulator");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Round {@code number} (from 0), starting at {@code startMillis}; ids are drawn now. */
    public Round round(int number, long startMillis) {
        boolean firstLeads = number % 2 == 0;
        String leader = firstLeads ? settings.firstOperator() : settings.secondOperator();
        String other = firstLeads ? settings.secondOperator() : settings.firstOperator();
        List<CallSpec> specs = List.of(
                CallSpec.of(Shape.DIRECT_ANSWERED).withParties(Map.of(Role.OPERATOR, settings.firstOperator())),
                CallSpec.of(Shape.DIRECT_ANSWERED_OPERATOR_HANGS_UP)
                        .withParties(Map.of(Role.OPERATOR, settings.secondOperator())),
                CallSpec.of(Shape.QUEUE_ANSWERED).withParties(Map.of(Role.OPERATOR, leader, Role.OTHER_MEMBER, other,
                        Role.DID, settings.queueDid())),
                CallSpec.of(Shape.RING_GROUP_ANSWERED).withParties(Map.of(Role.OPERATOR, other,
                        Role.OTHER_MEMBER, leader, Role.DID, settings.ringGroupDid())),
                CallSpec.of(Shape.BLIND_TRANSFER).withParties(Map.of(Role.OPERATOR, leader, Role.TRANSFER_TARGET, other))
                        .with(Wait.TARGET_RING, settings.ring()).with(Wait.TARGET_TALK, settings.talk()),
                // nobody picks up: the first operator's missed calls and Call back have something to show
                CallSpec.of(Shape.DIRECT_NO_ANSWER).withParties(Map.of(Role.OPERATOR, settings.firstOperator()))
                        .with(Wait.NO_ANSWER_TIMEOUT, settings.ring().multipliedBy(2)));
        List<SimulatedCall> calls = new ArrayList<>();
        long next = startMillis;
        for (int i = 0; i < specs.size(); i++) {
            String caller = settings.callers().get((number * specs.size() + i) % settings.callers().size());
            CallSpec spec = specs.get(i).withParties(Map.of(Role.EXTERNAL_NUMBER, caller));
            if (spec.shape().waits().contains(Wait.RING)) {
                spec = spec.ring(settings.ring()).talk(settings.talk()); // an unanswered call has its own timeout
            }
            SimulatedCall call = simulator.call(spec, next);
            calls.add(call);
            next = call.endMillis() + settings.pause().toMillis();
        }
        return new Round(number, startMillis, next, calls, PbxSimulator.merge(calls));
    }

    /** Round after round, for ever; the first starts at {@code startMillis}. */
    public Iterator<Round> rounds(long startMillis) {
        return new Iterator<>() {
            private int number;
            private long start = startMillis;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Round next() {
                Round round = round(number++, start);
                start = round.endMillis();
                return round;
            }
        };
    }

    /** The messages of every round, for ever. */
    public Iterator<TimedMessage> messages(long startMillis) {
        Iterator<Round> rounds = rounds(startMillis);
        return new Iterator<>() {
            private Iterator<TimedMessage> current = List.<TimedMessage>of().iterator();

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public TimedMessage next() {
                while (!current.hasNext()) {
                    current = rounds.next().messages().iterator();
                }
                return current.next();
            }
        };
    }
}
