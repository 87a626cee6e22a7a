package dev.zvonok.server.bench;

import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.ami.EventClock;
import dev.zvonok.server.ami.ManagerEventMapper;
import dev.zvonok.server.tracking.AsteriskJavaEvents;
import dev.zvonok.server.tracking.CallEventListener;
import dev.zvonok.server.tracking.CallTracker;
import dev.zvonok.server.tracking.ExtensionPatternEndpoints;
import dev.zvonok.server.tracking.PbxEvent;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.asteriskjava.manager.event.ManagerEvent;

/**
 * How many AMI events per second one thread can track and identify: the work of server-lite's tracking thread.
 *
 * <p>The storm is built beforehand into asterisk-java's own event objects (what its reader hands our listener), so
 * the measured loop is exactly our part: mapping, the state machine, and for every ring the two directory lookups
 * (the directory read into memory beforehand, as it is in the server once started). Each run starts a new
 * tracker. Run with {@code taskset -c 1} to hold it to one core.
 */
public final class TrackingThroughput {

    private static final int WARMUP_RUNS = 8;
    private static final int MEASURED_RUNS = 15;
    private static final PhoneNumbers NUMBERS = PhoneNumbers.russian();

    public static void main(String[] args) throws Exception {
        double callsPerSecond = 100;
        Duration span = Duration.ofSeconds(Long.getLong("bench.seconds", 30));
        Storm.Generated storm = Storm.generate(callsPerSecond, span, 42);
        List<ManagerEvent> events = AsteriskJavaEvents.of(storm.messages(), Storm.EPOCH);
        System.out.printf("Storm: %,d AMI messages -> %,d asterisk-java events, %,d calls over %d s at %.0f calls/s,"
                        + " 1,000 operators%n", storm.messages().size(), events.size(), storm.calls(),
                span.toSeconds(), callsPerSecond);

        try (BenchDirectory directory = BenchDirectory.start(Storm.OPERATORS)) {
            Identification warmUpCache = new Identification(directory.directory);
            run(events, warmUpCache);
            System.out.printf("Directory: %,d rings looked up once beforehand (%,d callers known)%n",
                    warmUpCache.rings, warmUpCache.knownCallers);

            // both variants warmed up first, then measured in alternation, so neither profits from running later
            Supplier<CallEventListener> trackingOnly = () -> event -> { };
            Supplier<CallEventListener> identifying = () -> new Identification(directory.directory);
            for (int i = 0; i < WARMUP_RUNS; i++) {
                run(events, trackingOnly.get());
                run(events, identifying.get());
            }
            double[] plain = new double[MEASURED_RUNS];
            double[] identified = new double[MEASURED_RUNS];
            for (int i = 0; i < MEASURED_RUNS; i++) {
                plain[i] = eventsPerSecond(events, trackingOnly.get());
                identified[i] = eventsPerSecond(events, identifying.get());
            }
            Stats withoutIdentification = Stats.of(plain);
            Stats withIdentification = Stats.of(identified);

            System.out.println("Tracking only (map + state machine):     "
                    + withoutIdentification.format("events/s"));
            System.out.println("Tracking + identification (in-memory directory): " + withIdentification.format("events/s"));
            System.out.printf("Identification costs %.1f %% of the throughput; goal 50,000 events/s reached x %.1f%n",
                    100 * (1 - withIdentification.median() / withoutIdentification.median()),
                    withIdentification.median() / 50_000);
            Identification check = new Identification(directory.directory);
            run(events, check);
            if (check.callsEnded != storm.calls()) {
                throw new IllegalStateException("tracked " + check.callsEnded + " calls of " + storm.calls());
            }
            System.out.printf("Check: all %,d calls tracked to their end; %,d rings, %,d callers and %,d operators"
                    + " identified%n", check.callsEnded, check.rings, check.knownCallers, check.knownOperators);
        }
    }

    private static double eventsPerSecond(List<ManagerEvent> events, CallEventListener listener) {
        long start = System.nanoTime();
        run(events, listener);
        return events.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static void run(List<ManagerEvent> events, CallEventListener listener) {
        CallTracker tracker = new CallTracker(NUMBERS, ExtensionPatternEndpoints.standard(), listener);
        ManagerEventMapper mapper = new ManagerEventMapper(EventClock.pbxOrReceived());
        for (ManagerEvent event : events) {
            PbxEvent mapped = mapper.map(event);
            if (mapped != null) {
                tracker.accept(mapped);
            }
        }
        if (tracker.activeCallCount() != 0) {
            throw new IllegalStateException(tracker.activeCallCount() + " calls left open");
        }
    }
}
