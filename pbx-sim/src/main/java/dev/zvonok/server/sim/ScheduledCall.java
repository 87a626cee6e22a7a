package dev.zvonok.server.sim;

import java.util.Objects;

/** A call to generate and when it starts, in ms on the simulator's timeline. */
public record ScheduledCall(CallSpec spec, long startMillis) {

    public ScheduledCall {
        Objects.requireNonNull(spec, "spec");
        if (startMillis < 0) {
            throw new IllegalArgumentException("startMillis must not be negative");
        }
    }
}
