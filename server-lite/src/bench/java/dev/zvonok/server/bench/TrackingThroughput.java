package dev.zvonok.server.bench;

import dev.zvonok.server.tracking.AsteriskJavaEvents;
import dev.zvonok.server.tracking.CallEventListener;
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
            TrackingLoop.run(events, warmUpCache);
            System.out.printf("Directory: %,d rings looked up once beforehand (%,d callers known)%n",
                    warmUpCache.rings, warmUpCache.knownCallers);

            // both variants warmed up first, then measured in alternation, so neither profits from running later
            Supplier<CallEventListener> trackingOnly = () -> event -> { };
            Supplier<CallEventListener> identifying = () -> new Identification(directory.directory);
            for (int i = 0; i < WARMUP_RUNS; i++) {
                TrackingLoop.run(events, trackingOnly.get());
                TrackingLoop.run(events, identifying.get());
            }
            double[] plain = new double[MEASURED_RUNS];
            double[] identified = new double[MEASURED_RUNS];
            for (int i = 0; i < MEASURED_RUNS; i++) {
                plain[i] = TrackingLoop.eventsPerSecond(events, trackingOnly.get());
                identified[i] = TrackingLoop.eventsPerSecond(events, identifying.get());
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
            TrackingLoop.run(events, check);
            if (check.callsEnded != storm.calls()) {
                throw new IllegalStateException("tracked " + check.callsEnded + " calls of " + storm.calls());
            }
            System.out.printf("Check: all %,d calls tracked to their end; %,d rings, %,d callers and %,d operators"
                    + " identified%n", check.callsEnded, check.rings, check.knownCallers, check.knownOperators);
        }
    }
}
