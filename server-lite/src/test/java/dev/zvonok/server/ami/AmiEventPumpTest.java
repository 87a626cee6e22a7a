package dev.zvonok.server.ami;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.server.pbx.TraceTimeline;
import dev.zvonok.server.tracking.AsteriskJavaEvents;
import dev.zvonok.server.tracking.PbxEvent;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.manager.event.ManagerEvent;
import org.junit.jupiter.api.Test;

/** The hand-off from asterisk-java's event thread to the tracker, without a socket. */
class AmiEventPumpTest {

    private static final List<ManagerEvent> TRACE = AsteriskJavaEvents.of(
            TraceTimeline.loadResource("/ami-traces/11-two-overlapping-inbound.ami").events(),
            Instant.parse("2026-11-21T10:00:00Z"));

    @Test
    void theTrackerGetsEveryMappedEventInOrderAndFlushSaysWhenItHas() throws Exception {
        List<PbxEvent> tracked = new CopyOnWriteArrayList<>();
        try (AmiEventPump pump = new AmiEventPump(new ManagerEventMapper(EventClock.pbxOrReceived()), tracked::add)) {
            TRACE.forEach(pump::onManagerEvent);
            pump.flush().get(10, TimeUnit.SECONDS);

            assertThat(tracked).containsExactlyElementsOf(AsteriskJavaEvents.mapped(TRACE));
            assertThat(pump.received()).isEqualTo(TRACE.size());
            assertThat(pump.tracked() + pump.ignored() + pump.unusable()).isEqualTo(TRACE.size());
            assertThat(pump.depth()).isZero();
            assertThat(pump.maxDepth()).isBetween(1L, (long) TRACE.size());
        }
    }

    @Test
    void anEventTheTrackerFailsOnCostsOnlyThatEvent() throws Exception {
        List<PbxEvent> mapped = AsteriskJavaEvents.mapped(TRACE);
        PbxEvent poisoned = mapped.get(mapped.size() / 2);
        List<PbxEvent> tracked = new CopyOnWriteArrayList<>();
        try (AmiEventPump pump = new AmiEventPump(new ManagerEventMapper(EventClock.pbxOrReceived()), event -> {
            if (event.equals(poisoned)) {
                throw new IllegalStateException("a bug in the tracker");
            }
            tracked.add(event);
        })) {
            TRACE.forEach(pump::onManagerEvent);
            pump.flush().get(10, TimeUnit.SECONDS);

            assertThat(pump.failed()).isEqualTo(1);
            assertThat(tracked).hasSize(mapped.size() - 1).last().isEqualTo(mapped.getLast());
        }
    }
}
