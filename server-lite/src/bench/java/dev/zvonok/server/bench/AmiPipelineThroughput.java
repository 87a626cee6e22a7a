package dev.zvonok.server.bench;

import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.ami.AmiCallTracking;
import dev.zvonok.server.ami.AmiSettings;
import dev.zvonok.server.ami.EventClock;
import dev.zvonok.server.pbx.AmiAccount;
import dev.zvonok.server.pbx.AmiEndpoint;
import dev.zvonok.server.pbx.EventClass;
import dev.zvonok.server.pbx.PbxReplay;
import dev.zvonok.server.pbx.Playback;
import dev.zvonok.server.pbx.PlaybackSpeed;
import dev.zvonok.server.pbx.SlowClientPolicy;
import dev.zvonok.server.tracking.CallEvent;
import dev.zvonok.server.tracking.CallEventListener;
import dev.zvonok.server.tracking.ExtensionPatternEndpoints;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The whole path over TCP, as in production: our AMI endpoint writes the storm as fast as the client reads it,
 * asterisk-java parses it on its reader thread, our pump hands it to the tracking thread, which tracks and identifies.
 * Measures events per second from the first byte to the last call ended, and proves nothing was dropped on the way
 * (asterisk-java drops events silently when its queue overflows).
 */
public final class AmiPipelineThroughput {

    private static final int RUNS = 5;

    public static void main(String[] args) throws Exception {
        Storm.Generated storm = Storm.generate(100, Duration.ofSeconds(Long.getLong("bench.seconds", 60)), 43);
        int mask = EventClass.parseList(AmiSettings.TRACKED_EVENTS);
        long delivered = storm.messages().stream()
                .filter(m -> (EventClass.ofPrivilege(m.message().get("Privilege")) & mask) != 0)
                .count();
        System.out.printf("Storm: %,d AMI messages, %,d of them in the classes server-lite logs in for (%s), %,d calls%n",
                storm.messages().size(), delivered, AmiSettings.TRACKED_EVENTS, storm.calls());
        double[] eventsPerSecond = new double[RUNS];
        try (BenchDirectory directory = BenchDirectory.start(Storm.OPERATORS)) {
            for (int run = 0; run < RUNS; run++) {
                eventsPerSecond[run] = runOnce(storm, directory);
                System.out.printf("  run %d: %,.0f PBX events/s, %,.0f delivered/s%n", run + 1,
                        eventsPerSecond[run], eventsPerSecond[run] * delivered / storm.messages().size());
            }
        }
        System.out.println("Endpoint -> TCP -> asterisk-java -> pump -> tracking + identification: "
                + Stats.of(eventsPerSecond).format("PBX events/s") + "; of which delivered over TCP: "
                + Stats.of(Arrays.stream(eventsPerSecond).map(r -> r * delivered / storm.messages().size())
                        .toArray()).format("events/s"));
    }

    private static double runOnce(Storm.Generated storm, BenchDirectory directory) throws Exception {
        AtomicLong ended = new AtomicLong();
        Identification identification = new Identification(directory.directory);
        CallEventListener listener = event -> {
            identification.onCallEvent(event);
            if (event instanceof CallEvent.CallEnded) {
                ended.incrementAndGet();
            }
        };
        AmiEndpoint.Builder endpoint = AmiEndpoint.builder().slowClientPolicy(SlowClientPolicy.WAIT);
        try (PbxReplay pbx = PbxReplay.start(endpoint, PlaybackSpeed.asFastAsPossible())) {
            AtomicLong start = new AtomicLong();
            pbx.endpoint().firstLogin().thenRun(() -> start.set(System.nanoTime()));
            Playback playback = pbx.player().scheduleAfter(pbx.endpoint().firstLogin(), storm.messages(),
                    Duration.ZERO);
            AmiSettings settings = AmiSettings.of("127.0.0.1", pbx.endpoint().port(), AmiAccount.CRM.username(),
                    AmiAccount.CRM.secret());
            try (AmiCallTracking tracking = new AmiCallTracking(settings, PhoneNumbers.russian(),
                    ExtensionPatternEndpoints.standard(), EventClock.pbxOrReceived(), listener).start()) {
                playback.finished().get();
                while (ended.get() < storm.calls()) {
                    if (System.nanoTime() - start.get() > Duration.ofMinutes(5).toNanos()) {
                        throw new IllegalStateException("only " + ended.get() + " of " + storm.calls()
                                + " calls ended: events were lost on the way");
                    }
                    Thread.sleep(1);
                }
                double seconds = (System.nanoTime() - start.get()) / 1e9;
                return storm.messages().size() / seconds;
            }
        }
    }
}
