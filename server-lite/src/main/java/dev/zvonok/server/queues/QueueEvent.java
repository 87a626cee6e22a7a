package dev.zvonok.server.queues;

import java.time.Instant;

/**
 * What the queue tracker reads from the PBX, reduced from asterisk-java's events by {@link QueueEventMapper}: the
 * live queue events and the items of a {@code QueueStatus} answer, which rebuild the whole picture.
 */
public sealed interface QueueEvent {

    Instant at();

    /**
     * {@code QueueCallerJoin}.
     *
     * @param callId       the call's Linkedid, as the rest of the server names calls
     * @param callerNumber {@code CallerIDNum}; null when withheld
     * @param position     1 for the caller answered next
     */
    record CallerJoined(Instant at, String queue, String uniqueId, String callId, String callerNumber, int position)
            implements QueueEvent {
    }

    /** {@code QueueCallerLeave} (answered, or gone for another reason) or {@code QueueCallerAbandon}. */
    record CallerLeft(Instant at, String queue, String uniqueId, boolean abandoned) implements QueueEvent {
    }

    /**
     * {@code QueueMemberStatus}, {@code QueueMemberAdded} or {@code QueueMemberPause}: the member's whole state as the
     * PBX holds it now.
     *
     * @param status       the device state code ({@code Status}: 1 not in use, 2 in use... 8 on hold); null if absent
     * @param pausedReason {@code PausedReason}; null or empty when none
     * @param pauseEvent   true for {@code QueueMemberPause}: someone paused or unpaused the member
     */
    record MemberUpdated(Instant at, String queue, String memberInterface, String memberName, Integer status,
                         boolean paused, String pausedReason, boolean pauseEvent) implements QueueEvent {
    }

    /** {@code QueueMemberRemoved}. */
    record MemberRemoved(Instant at, String queue, String memberInterface) implements QueueEvent {
    }

    /** {@code QueueParams} of a {@code QueueStatus} answer: the queue exists (with or without members and callers). */
    record StatusQueue(Instant at, String listId, String queue) implements QueueEvent {
    }

    /** {@code QueueMember} of a {@code QueueStatus} answer. */
    record StatusMember(Instant at, String listId, String queue, String memberInterface, String memberName,
                        Integer status, boolean paused, String pausedReason) implements QueueEvent {
    }

    /**
     * {@code QueueEntry} of a {@code QueueStatus} answer. It names the caller's channel by Uniqueid only (Asterisk
     * sends no Linkedid there).
     *
     * @param waitSeconds how long the caller has waited, as the PBX counts it
     */
    record StatusEntry(Instant at, String listId, String queue, int position, String uniqueId, String callerNumber,
                       long waitSeconds) implements QueueEvent {
    }

    /** {@code QueueStatusComplete}: the answer is whole; what it listed replaces what was known. */
    record StatusComplete(Instant at, String listId) implements QueueEvent {
    }
}
