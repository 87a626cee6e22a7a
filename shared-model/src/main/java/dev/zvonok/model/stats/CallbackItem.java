package dev.zvonok.model.stats;

import java.time.Instant;

/**
 * A number to call back: its missed and abandoned inbound calls of the period not reached since.
 *
 * @param number         the number as it called
 * @param callerName     who it is, as the last call knew; null when unknown
 * @param firstAt        the first of its calls not called back
 * @param lastAt         the last of them
 * @param waitedSeconds  how long the caller waited on the last one before giving up
 * @param attempts       how many calls not called back
 * @param lastCallId     the last call, for its details, and what {@code /api/stats/callbacks/{callId}/assignment}
 *                       takes
 * @param assignedToId   the operator given the number to call back, or null while nobody is
 * @param assignedToName their name, or null
 * @param assignedByName who gave it to them, or null (nobody, or a user since deleted)
 * @param assignedAt     when, or null
 */
public record CallbackItem(String number, String callerName, Instant firstAt, Instant lastAt, long waitedSeconds,
                           long attempts, long lastCallId, Long assignedToId, String assignedToName,
                           String assignedByName, Instant assignedAt) {

    /** A number nobody was given to call back. */
    public CallbackItem(String number, String callerName, Instant firstAt, Instant lastAt, long waitedSeconds,
                        long attempts, long lastCallId) {
        this(number, callerName, firstAt, lastAt, waitedSeconds, attempts, lastCallId, null, null, null, null);
    }

    /** This number, given to {@code assignment}'s operator; nobody's when null. */
    public CallbackItem assignedTo(CallbackAssignment assignment) {
        return assignment == null
                ? new CallbackItem(number, callerName, firstAt, lastAt, waitedSeconds, attempts, lastCallId)
                : new CallbackItem(number, callerName, firstAt, lastAt, waitedSeconds, attempts, lastCallId,
                        assignment.userId(), assignment.userName(), assignment.assignedByName(),
                        assignment.assignedAt());
    }
}
