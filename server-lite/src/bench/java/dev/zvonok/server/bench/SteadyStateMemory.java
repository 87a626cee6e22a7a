package dev.zvonok.server.bench;

import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.ami.EventClock;
import dev.zvonok.server.ami.ManagerEventMapper;
import dev.zvonok.server.tracking.AsteriskJavaEvents;
import dev.zvonok.server.tracking.CallEvent;
import dev.zvonok.server.tracking.CallEventListener;
import dev.zvonok.server.tracking.CallTracker;
import dev.zvonok.server.tracking.ExtensionPatternEndpoints;
import dev.zvonok.server.tracking.PbxEvent;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.asteriskjava.manager.event.ManagerEvent;

/**
 * Does memory stay flat while 1,000 calls are in progress at all times? Run under {@code -Xmx256m}.
 *
 * <p>Calls arrive at 14 per second and last 10–120 s of talk plus ringing, so that about 1,000 are in progress; an
 * hour of that PBX time is generated, turned into asterisk-java events and tracked and identified as fast as the
 * machine goes, with no event held beyond the calls in progress. Every ten simulated minutes the heap is measured
 * after a full GC. First tracking alone, then with identification from the in-memory directory.
 */
public final class SteadyStateMemory {

    private static final double CALLS_PER_SECOND = 14;
    private static final Duration SIMULATED = Duration.ofMinutes(Long.getLong("bench.minutes", 60));
    private static final long SAMPLE_EVERY_MILLIS = Duration.ofMinutes(10).toMillis();

    public static void main(String[] args) throws Exception {
        System.out.printf("Max heap %,d MB; %s of PBX time at %.0f calls/s, 1,000 operators%n",
                Runtime.getRuntime().maxMemory() >> 20, SIMULATED, CALLS_PER_SECOND);
        try (BenchDirectory directory = BenchDirectory.start(Storm.OPERATORS)) {
            System.out.println("Tracking only:");
            run(event -> { }, 7);
            System.out.println("Tracking + identification (every caller looked up in the in-memory directory):");
            run(new Identification(directory.directory), 8);
        }
    }

    private static void run(CallEventListener listener, long seed) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        CallEventCounter counter = new CallEventCounter(listener);
        CallTracker tracker = new CallTracker(PhoneNumbers.russian(), ExtensionPatternEndpoints.standard(), counter);
        ManagerEventMapper mapper = new ManagerEventMapper(EventClock.pbxOrReceived());
        Iterator<ManagerEvent> events = AsteriskJavaEvents.lazily(
                Storm.load(CALLS_PER_SECOND, seed).messages(0, SIMULATED), Storm.EPOCH);

        List<Long> heapSamples = new ArrayList<>();
        long nextSample = SAMPLE_EVERY_MILLIS;
        long count = 0;
        int maxActive = 0;
        long started = System.nanoTime();
        System.out.println("  PBX time | calls in progress | legs | calls ended | heap after GC");
        while (events.hasNext()) {
            ManagerEvent event = events.next();
            long at = event.getDateReceived().getTime() - Storm.EPOCH.toEpochMilli();
            if (at >= nextSample) {
                long heap = heapAfterGc(memory);
                heapSamples.add(heap);
                System.out.printf("  %5d min | %17d | %4d | %11d | %,6.1f MB%n", at / 60_000,
                        tracker.activeCallCount(), tracker.liveChannelCount(), counter.callsEnded, heap / 1048576.0);
                nextSample += SAMPLE_EVERY_MILLIS;
            }
            PbxEvent mapped = mapper.map(event);
            if (mapped != null) {
                tracker.accept(mapped);
            }
            maxActive = Math.max(maxActive, tracker.activeCallCount());
            count++;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Long> steady = heapSamples.subList(Math.min(1, heapSamples.size()), heapSamples.size());
        long low = steady.stream().mapToLong(Long::longValue).min().orElse(0);
        long high = steady.stream().mapToLong(Long::longValue).max().orElse(0);
        System.out.printf("  tracked %,d events (%,d calls ended, at most %,d in progress) in %.0f s;"
                        + " heap after GC from the 20th minute on: %.1f-%.1f MB (spread %.1f MB)%n", count,
                counter.callsEnded, maxActive, seconds, low / 1048576.0, high / 1048576.0, (high - low) / 1048576.0);
    }

    /** Passes events on and counts the calls that ended. */
    private static final class CallEventCounter implements CallEventListener {
        private final CallEventListener next;
        long callsEnded;

        CallEventCounter(CallEventListener next) {
            this.next = next;
        }

        @Override
        public void onCallEvent(CallEvent event) {
            if (event instanceof CallEvent.CallEnded) {
                callsEnded++;
            }
            next.onCallEvent(event);
        }
    }

    private static long heapAfterGc(MemoryMXBean memory) {
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
