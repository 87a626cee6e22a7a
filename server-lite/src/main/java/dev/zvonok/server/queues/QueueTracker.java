package dev.zvonok.server.queues;

import dev.zvonok.model.board.BoardQueue;
import dev.zvonok.model.board.MemberState;
import dev.zvonok.model.board.QueueMember;
import dev.zvonok.model.board.WaitingCaller;
import dev.zvonok.model.directory.CallerView;
import dev.zvonok.model.stats.InboundCounters;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Every queue of the PBX as the board shows it: who waits (in order, since when) and which members are in which state,
 * from the queue events, and rebuilt as a whole from each {@code QueueStatus} answer (sent after every (re)connect,
 * since events missed while away cannot be replayed).
 *
 * <p>Pure: events in ({@link #accept}), state out ({@link #queues()}); the clock only says how long callers have
 * waited. Events are applied on one thread; reads may come from any (the methods are synchronized, each a few map
 * operations). Listeners are told on the applying thread and must not block it.
 */
public final class QueueTracker {

    /** Told, after an event changed them, which queues changed. */
    @FunctionalInterface
    public interface ChangeListener {
        void queuesChanged(Set<String> queues);
    }

    /**
     * A {@code QueueMemberPause} that names an operator: a pause made on the phone (a feature code), by another AMI
     * client, or the echo of our own {@code QueuePause}. Asterisk sends one per queue of the member.
     *
     * @param reason the pause reason; for an unpause, the reason given with it if any; null when none
     */
    public record MemberPause(Instant at, long userId, String operatorName, String queue, String memberInterface,
                              boolean paused, String reason) {
    }

    @FunctionalInterface
    public interface PauseListener {
        void memberPaused(MemberPause pause);
    }

    private static final MemberState[] STATES_BY_CODE = MemberState.values(); // in Asterisk's AST_DEVICE_* order

    private final InstantSource clock;
    private final QueueDirectory directory;
    private final MemberInterfaces interfaces;
    private final Function<String, InboundCounters> counters;
    private final List<ChangeListener> changeListeners = new ArrayList<>();
    private final List<PauseListener> pauseListeners = new ArrayList<>();

    private Map<String, Queue> queues = new TreeMap<>();
    private String lastRebuild;
    /** QueueStatus answers being read, by ActionID. */
    private final Map<String, Map<String, Queue>> rebuilding = new HashMap<>();

    /**
     * @param counters today's counters of a queue, by its name (the statistics' business); see
     *                 {@link #noCounters(int)}
     */
    public QueueTracker(InstantSource clock, QueueDirectory directory, MemberInterfaces interfaces,
                        Function<String, InboundCounters> counters) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.interfaces = Objects.requireNonNull(interfaces, "interfaces");
        this.counters = Objects.requireNonNull(counters, "counters");
    }

    public QueueTracker(InstantSource clock, QueueDirectory directory, MemberInterfaces interfaces) {
        this(clock, directory, interfaces, noCounters(20));
    }

    /** Counters that are all zero, until the statistics supply real ones. */
    public static Function<String, InboundCounters> noCounters(int serviceLevelSeconds) {
        InboundCounters none = InboundCounters.none(serviceLevelSeconds);
        return queue -> none;
    }

    public synchronized QueueTracker onChange(ChangeListener listener) {
        changeListeners.add(Objects.requireNonNull(listener));
        return this;
    }

    public synchronized QueueTracker onMemberPause(PauseListener listener) {
        pauseListeners.add(Objects.requireNonNull(listener));
        return this;
    }

    public void accept(QueueEvent event) {
        Set<String> changed = new LinkedHashSet<>();
        List<MemberPause> pauses = new ArrayList<>(1);
        List<ChangeListener> toTell;
        List<PauseListener> pauseTo;
        synchronized (this) {
            apply(event, changed, pauses);
            toTell = changed.isEmpty() ? List.of() : List.copyOf(changeListeners);
            pauseTo = pauses.isEmpty() ? List.of() : List.copyOf(pauseListeners);
        }
        // outside the lock, so that a listener may read the state back
        Set<String> names = Set.copyOf(changed);
        toTell.forEach(listener -> listener.queuesChanged(names));
        for (MemberPause pause : pauses) {
            pauseTo.forEach(listener -> listener.memberPaused(pause));
        }
    }

    /** Every queue known, by name: waiting callers by position, members by interface. */
    public synchronized List<BoardQueue> queues() {
        Instant now = clock.instant();
        List<BoardQueue> board = new ArrayList<>(queues.size());
        queues.values().forEach(queue -> board.add(view(queue, now)));
        return board;
    }

    public synchronized Optional<BoardQueue> queue(String name) {
        Queue queue = queues.get(name);
        return queue == null ? Optional.empty() : Optional.of(view(queue, clock.instant()));
    }

    /**
     * The member interfaces of the operator, over every queue (each once): what {@code QueuePause} must name to pause
     * them everywhere.
     */
    public synchronized List<String> interfacesOf(long userId) {
        Set<String> found = new LinkedHashSet<>();
        for (Queue queue : queues.values()) {
            for (Member member : queue.members.values()) {
                operatorOf(member.memberInterface)
                        .filter(operator -> operator.userId() == userId)
                        .ifPresent(operator -> found.add(member.memberInterface));
            }
        }
        return List.copyOf(found);
    }

    /** The ActionID of the last {@code QueueStatus} answer that rebuilt the state; null before the first. */
    public synchronized String lastRebuild() {
        return lastRebuild;
    }

    // ---- applying events ---------------------------------------------------------------------------------------

    private void apply(QueueEvent event, Set<String> changed, List<MemberPause> pauses) {
        switch (event) {
            case QueueEvent.CallerJoined e -> live(e, e.queue(), changed);
            case QueueEvent.CallerLeft e -> live(e, e.queue(), changed);
            case QueueEvent.MemberRemoved e -> live(e, e.queue(), changed);
            case QueueEvent.MemberUpdated e -> {
                live(e, e.queue(), changed);
                if (e.pauseEvent()) {
                    operatorOf(e.memberInterface()).ifPresent(operator -> pauses.add(new MemberPause(e.at(),
                            operator.userId(), operator.name(), e.queue(), e.memberInterface(), e.paused(),
                            blankToNull(e.pausedReason()))));
                }
            }
            case QueueEvent.StatusQueue e -> queueNamed(listOf(e.listId()), e.queue());
            case QueueEvent.StatusMember e -> queueNamed(listOf(e.listId()), e.queue()).members.put(
                    key(e.memberInterface()), new Member(e.memberInterface(), e.memberName(), e.status(), e.paused(),
                            e.pausedReason()));
            case QueueEvent.StatusEntry e -> queueNamed(listOf(e.listId()), e.queue()).insert(entry(e), e.position());
            case QueueEvent.StatusComplete e -> {
                Map<String, Queue> rebuilt = rebuilding.remove(listKey(e.listId()));
                Map<String, Queue> fresh = rebuilt == null ? new TreeMap<>() : rebuilt;
                Set<String> names = new LinkedHashSet<>(queues.keySet());
                names.addAll(fresh.keySet());
                for (String name : names) {
                    if (!Objects.equals(queues.get(name), fresh.get(name))) {
                        changed.add(name);
                    }
                }
                queues = fresh;
                lastRebuild = e.listId();
            }
        }
    }

    /**
     * Applies a live event to the state, and to every {@code QueueStatus} answer being read that has already listed
     * the event's queue: Asterisk lists each queue under its lock, so an event that arrives after the queue's items
     * happened after them and is missing from them (one that arrives before is in them).
     */
    private void live(QueueEvent event, String queueName, Set<String> changed) {
        if (applyLive(queues, event)) {
            changed.add(queueName);
        }
        for (Map<String, Queue> answer : rebuilding.values()) {
            if (answer.containsKey(queueName)) {
                applyLive(answer, event);
            }
        }
    }

    /** Returns whether the event changed the queues. */
    private boolean applyLive(Map<String, Queue> target, QueueEvent event) {
        return switch (event) {
            case QueueEvent.CallerJoined e -> {
                Queue queue = queueNamed(target, e.queue());
                queue.removeCaller(e.uniqueId());
                queue.insert(new Caller(e.uniqueId(), e.callId(), directory.number(e.callerNumber()),
                        directory.caller(e.callerNumber()), e.at()), e.position());
                yield true;
            }
            case QueueEvent.CallerLeft e -> {
                Queue queue = target.get(e.queue());
                yield queue != null && queue.removeCaller(e.uniqueId());
            }
            case QueueEvent.MemberUpdated e -> {
                Member member = new Member(e.memberInterface(), e.memberName(), e.status(), e.paused(),
                        e.pausedReason());
                yield !member.equals(queueNamed(target, e.queue()).members.put(key(e.memberInterface()), member));
            }
            case QueueEvent.MemberRemoved e -> {
                Queue queue = target.get(e.queue());
                yield queue != null && queue.members.remove(key(e.memberInterface())) != null;
            }
            default -> false;
        };
    }

    /**
     * A caller listed by {@code QueueStatus}: known callers keep their call id and join time; a caller who joined
     * while we were away gets its Uniqueid as call id (the caller's channel starts its call, so it is the Linkedid
     * unless the call came into the queue by a transfer) and the PBX's wait.
     */
    private Caller entry(QueueEvent.StatusEntry e) {
        Caller known = queues.values().stream().map(queue -> queue.caller(e.uniqueId())).filter(Objects::nonNull)
                .findFirst().orElse(null);
        if (known != null && Objects.equals(known.callerNumber, directory.number(e.callerNumber()))) {
            return known;
        }
        return new Caller(e.uniqueId(), known != null ? known.callId : e.uniqueId(), directory.number(e.callerNumber()),
                directory.caller(e.callerNumber()), e.at().minusSeconds(Math.max(0, e.waitSeconds())));
    }

    private Map<String, Queue> listOf(String listId) {
        return rebuilding.computeIfAbsent(listKey(listId), id -> new TreeMap<>());
    }

    private static String listKey(String listId) {
        return listId == null ? "" : listId;
    }

    private static Queue queueNamed(Map<String, Queue> queues, String name) {
        return queues.computeIfAbsent(name, Queue::new);
    }

    private Optional<QueueDirectory.Operator> operatorOf(String memberInterface) {
        return interfaces.extensionOf(memberInterface).flatMap(directory::operatorOf);
    }

    // ---- the board's view --------------------------------------------------------------------------------------

    private BoardQueue view(Queue queue, Instant now) {
        List<WaitingCaller> waiting = new ArrayList<>(queue.callers.size());
        long longest = 0;
        for (int i = 0; i < queue.callers.size(); i++) {
            Caller caller = queue.callers.get(i);
            waiting.add(new WaitingCaller(caller.callId, caller.callerNumber, caller.view, caller.since, i + 1));
            longest = Math.max(longest, Duration.between(caller.since, now).toSeconds());
        }
        List<QueueMember> members = queue.members.values().stream()
                .sorted(Comparator.comparing(member -> key(member.memberInterface)))
                .map(this::view)
                .toList();
        return new BoardQueue(queue.name, waiting, longest, members, counters.apply(queue.name));
    }

    private QueueMember view(Member member) {
        Optional<QueueDirectory.Operator> operator = operatorOf(member.memberInterface);
        return new QueueMember(member.memberInterface, operator.map(QueueDirectory.Operator::userId).orElse(null),
                operator.map(QueueDirectory.Operator::name).orElse(member.name), state(member.status), member.paused,
                member.paused ? blankToNull(member.pausedReason) : null);
    }

    static MemberState state(Integer code) {
        return code == null || code < 0 || code >= STATES_BY_CODE.length ? MemberState.UNKNOWN : STATES_BY_CODE[code];
    }

    private static String key(String memberInterface) {
        return memberInterface.toLowerCase(Locale.ROOT); // Asterisk compares interfaces ignoring case
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    // ---- state -------------------------------------------------------------------------------------------------

    private record Caller(String uniqueId, String callId, String callerNumber, CallerView view, Instant since) {
    }

    private record Member(String memberInterface, String name, Integer status, boolean paused, String pausedReason) {
    }

    private static final class Queue {
        final String name;
        /** In queue order: index 0 is position 1. */
        final List<Caller> callers = new ArrayList<>();
        final Map<String, Member> members = new LinkedHashMap<>();

        Queue(String name) {
            this.name = name;
        }

        /** At the PBX's position (1-based); those from there on move back one, as in Asterisk's queue. */
        void insert(Caller caller, int position) {
            int index = Math.max(0, Math.min(callers.size(), position - 1));
            callers.add(index, caller);
        }

        boolean removeCaller(String uniqueId) {
            return callers.removeIf(caller -> caller.uniqueId.equals(uniqueId));
        }

        Caller caller(String uniqueId) {
            return callers.stream().filter(caller -> caller.uniqueId.equals(uniqueId)).findFirst().orElse(null);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Queue queue && name.equals(queue.name) && callers.equals(queue.callers)
                    && members.equals(queue.members);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, callers, members);
        }
    }
}
