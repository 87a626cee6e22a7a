package dev.zvonok.server.amiwire;

import java.util.Objects;

/** A message due at a moment of a timeline: milliseconds from the timeline's start, at normal speed. */
public record TimedMessage(long atMillis, AmiMessage message) {

    public TimedMessage {
        if (atMillis < 0) {
            throw new IllegalArgumentException("atMillis must not be negative");
        }
        Objects.requireNonNull(message, "message");
    }

    public TimedMessage shiftedBy(long millis) {
        return new TimedMessage(atMillis + millis, message);
    }
}
