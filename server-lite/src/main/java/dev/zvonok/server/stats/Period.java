package dev.zvonok.server.stats;

import java.time.Instant;
import java.util.Objects;

/** A stretch of time, from its start (included) to its end (excluded): the calls that started in it count. */
public record Period(Instant from, Instant to) {

    public Period {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("a period ends after it starts: " + from + " .. " + to);
        }
    }
}
