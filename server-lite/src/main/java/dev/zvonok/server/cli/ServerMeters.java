package dev.zvonok.server.cli;

import dev.zvonok.server.ami.AmiCallTracking;
import dev.zvonok.server.ami.AmiEventPump;
import dev.zvonok.server.ami.AmiValueBounds;
import dev.zvonok.server.limits.PbxValue;
import dev.zvonok.server.calls.CallRecorder;
import dev.zvonok.server.tracking.TrackingStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;

/**
 * The counters the server's parts keep, exposed as meters: the parts themselves stay free of Micrometer (the tracker
 * is pure), and read their counters only when /metrics is scraped.
 */
final class ServerMeters {

    private ServerMeters() {
    }

    static void bindJvm(MeterRegistry registry) {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }

    static void bindTracking(MeterRegistry registry, AmiCallTracking tracking) {
        TrackingStats stats = tracking.stats();
        for (String name : stats.asMap().keySet()) {
            FunctionCounter.builder("zvonok.tracking." + name, stats, s -> s.asMap().get(name))
                    .description("call tracking: " + name.replace('_', ' ')).register(registry);
        }
        AmiEventPump pump = tracking.pump();
        FunctionCounter.builder("zvonok.ami.events.received", pump, AmiEventPump::received)
                .description("AMI events handed over by asterisk-java").register(registry);
        FunctionCounter.builder("zvonok.ami.events.unusable", pump, AmiEventPump::unusable)
                .description("AMI events that named no channel").register(registry);
        FunctionCounter.builder("zvonok.ami.events.failed", pump, AmiEventPump::failed)
                .description("AMI events the tracker failed on").register(registry);
        Gauge.builder("zvonok.ami.queue", pump, AmiEventPump::depth)
                .description("AMI events waiting to be tracked").register(registry);
        Gauge.builder("zvonok.ami.queue.max", pump, AmiEventPump::maxDepth)
                .description("the most AMI events ever waiting").register(registry);
        AmiValueBounds bounds = tracking.connection().valueBounds();
        for (PbxValue kind : PbxValue.values()) {
            FunctionCounter.builder("zvonok.ami.values.cut", bounds, b -> b.cut(kind)).tag("kind", kind.tag())
                    .description("values from the PBX longer than the product carries, cut").register(registry);
            FunctionCounter.builder("zvonok.ami.values.cleaned", bounds, b -> b.cleaned(kind)).tag("kind", kind.tag())
                    .description("values from the PBX that lost control or invalid characters").register(registry);
        }
        FunctionCounter.builder("zvonok.ami.connects", tracking.connection(), c -> c.connects())
                .description("logins to the PBX").register(registry);
        Gauge.builder("zvonok.ami.connected", tracking.connection(),
                        c -> c.state() == dev.zvonok.server.ami.AmiConnection.State.CONNECTED ? 1 : 0)
                .description("1 while logged in to the PBX").register(registry);
    }

    static void bindRecorder(MeterRegistry registry, CallRecorder recorder) {
        FunctionCounter.builder("zvonok.recorder.written", recorder, r -> r.stats().written())
                .description("call events written to the database").register(registry);
        FunctionCounter.builder("zvonok.recorder.retries", recorder, r -> r.stats().retries())
                .description("database writes retried").register(registry);
        FunctionCounter.builder("zvonok.recorder.failures", recorder, r -> r.stats().failures())
                .description("call events given up on").register(registry);
        Gauge.builder("zvonok.recorder.pending", recorder, r -> r.stats().pending())
                .description("call events waiting to be written").register(registry);
    }
}
