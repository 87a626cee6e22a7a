package dev.zvonok.model.stats;

import java.time.Instant;

/**
 * A number to call back: its missed and abandoned inbound calls of the period not reached since.
 *
 * @param number        the number as it called
 * @param callerName    who it is, as the last call knew; null when unknown
 * @param firstAt       the first of its calls not called back
 * @param lastAt        the last of them
 * @param waitedSeconds how long the caller waited on the last one before giving up
 * @param attempts      how many calls not called back
 * @param lastCallId    the last call, for its details
 */
public record CallbackItem(String number, String callerName, Instant firstAt, Instant lastAt, long waitedSeconds,
                           long attempts, long lastCallId) {
}
