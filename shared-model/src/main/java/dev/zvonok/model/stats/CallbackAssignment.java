package dev.zvonok.model.stats;

import java.time.Instant;

/**
 * Who was given a number of the call-back list to call back: the answer to
 * {@code POST /api/stats/callbacks/{callId}/assignment}.
 *
 * @param callId         the missed call the assignment is kept on (the number's last one not called back)
 * @param number         the number to call back, as it called
 * @param userId         the operator who calls it back
 * @param userName       their name
 * @param assignedById   who gave it to them; null when that user was deleted since
 * @param assignedByName their name, or null
 */
public record CallbackAssignment(long callId, String number, long userId, String userName, Long assignedById,
                                 String assignedByName, Instant assignedAt) {
}
