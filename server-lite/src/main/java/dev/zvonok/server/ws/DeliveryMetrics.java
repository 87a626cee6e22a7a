package dev.zvonok.server.ws;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;

/**
 * What delivery reports to /metrics as it goes: frames written, and how long a ring took to reach the sockets (its
 * queue and failures are read off the {@link CallDelivery} by {@link LiveUpdates}).
 */
final class DeliveryMetrics {

    private final Counter frames;
    private final Timer ringLatency;

    DeliveryMetrics(MeterRegistry registry) {
        this.frames = Counter.builder("zvonok.ws.frames").description("WebSocket frames queued to clients")
                .register(registry);
        this.ringLatency = Timer.builder("zvonok.delivery.ring.latency")
                .description("from the PBX event of a ring to its incoming-call frames being queued")
                .publishPercentiles(0.5, 0.99)
                .publishPercentileHistogram()
                .register(registry);
    }

    void frame() {
        frames.increment();
    }

    void delivered(Instant eventAt) {
        Duration latency = Duration.between(eventAt, Instant.now());
        if (!latency.isNegative()) {
            ringLatency.record(latency);
        }
    }
}
