package dev.zvonok.model.stats;

import java.time.Instant;

/**
 * A number this operator was given to call back and has not been reached since: an element of
 * {@code GET /api/callbacks/mine} and of the {@code callback-assigned} message.
 *
 * @param callId         the missed call it was given on
 * @param number         the number to call back, as it called
 * @param callerName     who it is, as that call knew; null when unknown
 * @param missedAt       when that call came
 * @param assignedByName who gave it, or null
 */
public record AssignedCallback(long callId, String number, String callerName, Instant missedAt, Instant assignedAt,
                               String assignedByName) {
}
