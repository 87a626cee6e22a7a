package dev.zvonok.model.board;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.zvonok.model.stats.InboundCounters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What changed in a queue the supervisor already has: the waiting callers and members that are new or changed (whole)
 * and those gone, the longest wait and today's counters when they changed. A queue of a thousand members changes one
 * member's state at a time; sending it whole made up most of a busy board's bytes.
 *
 * <p>Two things that change most often travel shorter. When the waiting callers are numbered by their place (the
 * first is position 1, as the server's queues always are), {@code waitingByPlace} says so and a caller who only moved
 * up (somebody ahead was answered) does not travel at all: the receiver numbers the list by place again. At 100 calls
 * a second those renumberings were half of a board's bytes. A member whose state or pause alone moved travels as a
 * {@link MemberStateChange}, without its operator and name. A member who joins in the middle of the list (the server
 * sorts members by interface) travels alone, with the list's new order as interfaces in {@code memberOrder}.
 *
 * @param waiting            callers new or changed (with {@code waitingByPlace}: changed beyond their position)
 * @param waitingGone        call ids of callers no longer waiting
 * @param waitingByPlace     true: the callers are numbered by place, number them so after applying; null (left out
 *                           of the JSON, which both ends read with {@code FAIL_ON_NULL_FOR_PRIMITIVES}) for no
 * @param longestWaitSeconds the new longest wait, or null when unchanged
 * @param members            members new or changed beyond their state and pause, whole
 * @param memberStates       members whose state or pause alone moved, applied after {@code members} and
 *                           {@code membersGone}
 * @param membersGone        interfaces of members gone
 * @param memberOrder        every member's interface in the new order, when applying the rest would not give it; else
 *                           empty (left out of the JSON)
 * @param counters           today's new counters of the queue, or null when unchanged
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record QueueChange(String name, List<WaitingCaller> waiting, List<String> waitingGone,
                          Boolean waitingByPlace,
                          Long longestWaitSeconds, List<QueueMember> members, List<MemberStateChange> memberStates,
                          List<String> membersGone, List<String> memberOrder, InboundCounters counters) {

    public QueueChange {
        Objects.requireNonNull(name, "name");
        waitingByPlace = Boolean.TRUE.equals(waitingByPlace) ? Boolean.TRUE : null;
        waiting = waiting == null ? List.of() : List.copyOf(waiting);
        waitingGone = waitingGone == null ? List.of() : List.copyOf(waitingGone);
        members = members == null ? List.of() : List.copyOf(members);
        memberStates = memberStates == null ? List.of() : List.copyOf(memberStates);
        membersGone = membersGone == null ? List.of() : List.copyOf(membersGone);
        memberOrder = memberOrder == null ? List.of() : List.copyOf(memberOrder);
    }

    /** What to send a supervisor who shows {@code before} so that they show {@code after}; empty when they are equal. */
    public static QueueChange between(BoardQueue before, BoardQueue after) {
        if (!before.name().equals(after.name())) {
            throw new IllegalArgumentException("not the same queue: " + before.name() + ", " + after.name());
        }
        boolean byPlace = numberedByPlace(after.waiting());
        KeyedLists.Delta<WaitingCaller, String> waiting = byPlace ? waitingByPlace(before.waiting(), after.waiting())
                : KeyedLists.between(before.waiting(), after.waiting(), WaitingCaller::callId);
        KeyedLists.Delta<QueueMember, String> members = KeyedLists.betweenInOrder(before.members(), after.members(),
                QueueMember::memberInterface);
        // a member that only moved on travels as its state: the operator and name are on the client already
        Map<String, QueueMember> had = new HashMap<>();
        before.members().forEach(member -> had.put(member.memberInterface(), member));
        Set<String> gone = Set.copyOf(members.gone());
        List<QueueMember> whole = new ArrayList<>();
        List<MemberStateChange> moved = new ArrayList<>();
        for (QueueMember member : members.upserted()) {
            QueueMember was = gone.contains(member.memberInterface()) ? null : had.get(member.memberInterface());
            MemberStateChange state = was == null ? null : MemberStateChange.between(was, member);
            if (state == null) {
                whole.add(member);
            } else {
                moved.add(state);
            }
        }
        return new QueueChange(after.name(), waiting.upserted(), waiting.gone(),
                byPlace && !before.waiting().equals(after.waiting()) ? Boolean.TRUE : null,
                before.longestWaitSeconds() == after.longestWaitSeconds() ? null : after.longestWaitSeconds(),
                whole, moved, members.gone(), members.order(),
                Objects.equals(before.counters(), after.counters()) ? null : after.counters());
    }

    private static boolean numberedByPlace(List<WaitingCaller> callers) {
        for (int i = 0; i < callers.size(); i++) {
            if (callers.get(i).position() != i + 1) {
                return false;
            }
        }
        return true;
    }

    /** The callers' delta as if they had no position (the receiver numbers them by place): whole items of after. */
    private static KeyedLists.Delta<WaitingCaller, String> waitingByPlace(List<WaitingCaller> before,
                                                                          List<WaitingCaller> after) {
        KeyedLists.Delta<WaitingCaller, String> unnumbered = KeyedLists.between(unnumbered(before), unnumbered(after),
                WaitingCaller::callId);
        if (unnumbered.upserted().isEmpty()) {
            return unnumbered;
        }
        Map<String, WaitingCaller> now = new HashMap<>();
        after.forEach(caller -> now.put(caller.callId(), caller));
        return new KeyedLists.Delta<>(unnumbered.upserted().stream().map(caller -> now.get(caller.callId())).toList(),
                unnumbered.gone());
    }

    private static List<WaitingCaller> unnumbered(List<WaitingCaller> callers) {
        return callers.stream().map(c -> new WaitingCaller(c.callId(), c.callerNumber(), c.caller(), c.since(), 0))
                .toList();
    }

    /** The queue {@code before} with this change applied. */
    public BoardQueue applyTo(BoardQueue before) {
        if (!before.name().equals(name)) {
            throw new IllegalArgumentException("a change of " + name + " applied to " + before.name());
        }
        List<WaitingCaller> callers = KeyedLists.apply(before.waiting(), waiting, waitingGone, WaitingCaller::callId);
        return new BoardQueue(name, waitingByPlace != null ? byPlace(callers) : callers,
                longestWaitSeconds == null ? before.longestWaitSeconds() : longestWaitSeconds,
                withStates(KeyedLists.inOrder(
                        KeyedLists.apply(before.members(), members, membersGone, QueueMember::memberInterface),
                        memberOrder, QueueMember::memberInterface)),
                counters == null ? before.counters() : counters);
    }

    private static List<WaitingCaller> byPlace(List<WaitingCaller> callers) {
        List<WaitingCaller> numbered = new ArrayList<>(callers.size());
        for (int i = 0; i < callers.size(); i++) {
            WaitingCaller c = callers.get(i);
            numbered.add(c.position() == i + 1 ? c
                    : new WaitingCaller(c.callId(), c.callerNumber(), c.caller(), c.since(), i + 1));
        }
        return numbered;
    }

    private List<QueueMember> withStates(List<QueueMember> list) {
        if (memberStates.isEmpty()) {
            return list;
        }
        Map<String, MemberStateChange> moved = new HashMap<>();
        memberStates.forEach(change -> moved.put(change.memberInterface(), change));
        return list.stream().map(member -> moved.containsKey(member.memberInterface())
                ? moved.get(member.memberInterface()).applyTo(member) : member).toList();
    }

    @JsonIgnore
    public boolean isEmpty() {
        return waiting.isEmpty() && waitingGone.isEmpty() && waitingByPlace == null && longestWaitSeconds == null && members.isEmpty()
                && memberStates.isEmpty() && membersGone.isEmpty() && memberOrder.isEmpty() && counters == null;
    }
}
