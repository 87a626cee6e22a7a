package dev.zvonok.server.ws;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;

/** What delivery reports to /metrics: frames written, failures, and how long a ring took to reach the sockets. */
final class DeliveryMetrics {

    private final Counter frames;
    private final Counter failures;
    private final Timer ringLatency;

    DeliveryMetrics(MeterRegistry registry) {
        this.frames = Counter.builder("zvonok.ws.frames").description("WebSocket frames queued to clients")
                .register(registry);
        this.failures = Counter.builder("zvonok.delivery.failures").description("call events that failed to deliver")
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

    void failure() {
        failures.increment();
    }

    void delivered(Instant eventAt) {
        Duration latency = Duration.between(eventAt, Instant.now());
        if (!latency.isNegative()) {
            ringLatency.record(latency);
        }
    }
}
