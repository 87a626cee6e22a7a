package dev.zvonok.model.board;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.zvonok.model.stats.InboundCounters;
import java.util.List;
import java.util.Objects;

/**
 * What changed in a queue the supervisor already has: the waiting callers and members that are new or changed (whole)
 * and those gone, the longest wait and today's counters when they changed. A queue of a thousand members changes one
 * member's state at a time; sending it whole made up most of a busy board's bytes.
 *
 * @param waiting            callers new or changed (a new position is a change); null fields mean unchanged
 * @param waitingGone        call ids of callers no longer waiting
 * @param longestWaitSeconds the new longest wait, or null when unchanged
 * @param members            members new or changed
 * @param membersGone        interfaces of members gone
 * @param counters           today's new counters of the queue, or null when unchanged
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record QueueChange(String name, List<WaitingCaller> waiting, List<String> waitingGone, Long longestWaitSeconds,
                          List<QueueMember> members, List<String> membersGone, InboundCounters counters) {

    public QueueChange {
        Objects.requireNonNull(name, "name");
        waiting = waiting == null ? List.of() : List.copyOf(waiting);
        waitingGone = waitingGone == null ? List.of() : List.copyOf(waitingGone);
        members = members == null ? List.of() : List.copyOf(members);
        membersGone = membersGone == null ? List.of() : List.copyOf(membersGone);
    }

    /** What to send a supervisor who shows {@code before} so that they show {@code after}; empty when they are equal. */
    public static QueueChange between(BoardQueue before, BoardQueue after) {
        if (!before.name().equals(after.name())) {
            throw new IllegalArgumentException("not the same queue: " + before.name() + ", " + after.name());
        }
        KeyedLists.Delta<WaitingCaller, String> waiting = KeyedLists.between(before.waiting(), after.waiting(),
                WaitingCaller::callId);
        KeyedLists.Delta<QueueMember, String> members = KeyedLists.between(before.members(), after.members(),
                QueueMember::memberInterface);
        return new QueueChange(after.name(), waiting.upserted(), waiting.gone(),
                before.longestWaitSeconds() == after.longestWaitSeconds() ? null : after.longestWaitSeconds(),
                members.upserted(), members.gone(),
                Objects.equals(before.counters(), after.counters()) ? null : after.counters());
    }

    /** The queue {@code before} with this change applied. */
    public BoardQueue applyTo(BoardQueue before) {
        if (!before.name().equals(name)) {
            throw new IllegalArgumentException("a change of " + name + " applied to " + before.name());
        }
        return new BoardQueue(name, KeyedLists.apply(before.waiting(), waiting, waitingGone, WaitingCaller::callId),
                longestWaitSeconds == null ? before.longestWaitSeconds() : longestWaitSeconds,
                KeyedLists.apply(before.members(), members, membersGone, QueueMember::memberInterface),
                counters == null ? before.counters() : counters);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return waiting.isEmpty() && waitingGone.isEmpty() && longestWaitSeconds == null && members.isEmpty()
                && membersGone.isEmpty() && counters == null;
    }
}
