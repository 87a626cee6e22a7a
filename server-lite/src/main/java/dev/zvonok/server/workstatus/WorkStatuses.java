package dev.zvonok.server.workstatus;

import dev.zvonok.model.board.WorkStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operators' work statuses: what each connected operator chose, logged as it changes, and followed by the PBX's
 * queue pause.
 *
 * <p>The log's rows cover the time an operator is connected (see V6): the first app to connect opens a row, the last
 * one to close ends it, so the statistics add up break time without counting the night. A reconnect within
 * {@link #RESUME_WITHIN} of the last close resumes the status it had — a dropped network or a restarted app during
 * lunch must not unpause the queues and have calls ring at an empty desk — and a later one starts available. A row
 * still open when the server starts (it stopped without ending it) is the status now.
 *
 * <p>Called on the clients' threads; one operator's changes take turns, different operators' do not wait for each
 * other (a pause may wait for the PBX).
 */
public final class WorkStatuses {

    private static final Logger log = LoggerFactory.getLogger(WorkStatuses.class);

    /** A reconnect this soon after the operator's last app closed keeps the status it had. */
    public static final Duration RESUME_WITHIN = Duration.ofMinutes(5);

    /** Told of every change of an operator's status after it was logged, on the thread that made it. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param pbxProblem why the PBX did not follow, or null
         * @param answering  the client request ({@code set-work-status}'s ref) this change answers; null when it came
         *                   from the phone
         */
        void changed(long userId, CurrentStatus status, String pbxProblem, String answering);
    }

    /** What became of an operator's request. */
    public sealed interface Outcome {
        /** The status is {@code status} now (perhaps it already was); {@code pbxProblem} says why the PBX did not follow. */
        record Changed(CurrentStatus status, String pbxProblem) implements Outcome {
        }

        /** A bad request: nothing changed. */
        record Refused(String why) implements Outcome {
        }
    }

    private final WorkStatusLog logRows;
    private final BreakReasons reasons;
    private final Clock clock;
    private volatile QueuePauser pauser = QueuePauser.NONE;
    private final Map<Long, CurrentStatus> current = new ConcurrentHashMap<>();
    private final Map<Long, Object> locks = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public WorkStatuses(DSLContext dsl, BreakReasons reasons, Clock clock) {
        this.logRows = new WorkStatusLog(dsl);
        this.reasons = Objects.requireNonNull(reasons, "reasons");
        this.clock = clock;
    }

    /** The queue side: breaks pause the operator's queue memberships from now on. */
    public void pauseQueuesThrough(QueuePauser queuePauser) {
        this.pauser = Objects.requireNonNull(queuePauser, "queuePauser");
    }

    public void listen(Listener listener) {
        listeners.add(listener);
    }

    public BreakReasons reasons() {
        return reasons;
    }

    /** The status of a connected operator; empty for one who is not connected. */
    public Optional<CurrentStatus> current(long userId) {
        return Optional.ofNullable(current.get(userId));
    }

    /**
     * An app of the operator connected: their status now, logged. With another app already connected (or a row left
     * open by a server that stopped) nothing changes.
     */
    public CurrentStatus connected(long userId) {
        synchronized (lockOf(userId)) {
            CurrentStatus known = current.get(userId);
            if (known != null) {
                return known;
            }
            Instant now = clock.instant();
            CurrentStatus status;
            try {
                Optional<WorkStatusLog.Stretch> latest = logRows.latest(userId);
                if (latest.isPresent() && latest.get().endedAt() == null) {
                    status = latest.get().status();
                } else {
                    boolean resume = latest.isPresent() && latest.get().status().status() == WorkStatus.BREAK
                            && latest.get().endedAt().plus(RESUME_WITHIN).isAfter(now)
                            && reasons.contains(latest.get().status().reason());
                    status = resume ? new CurrentStatus(WorkStatus.BREAK, latest.get().status().reason(), now)
                            : CurrentStatus.available(now);
                    String problem = latest.isPresent() && latest.get().status().status() == WorkStatus.BREAK
                            && !resume ? followedByPbx(userId, status).problem() : null; // the break is over on the PBX too
                    logRows.begin(userId, status, StatusSource.LOGIN, problem);
                }
            } catch (RuntimeException e) {
                log.warn("Cannot read or log the work status of user {}: {}", userId, e.getMessage());
                status = CurrentStatus.available(now);
            }
            current.put(userId, status);
            return status;
        }
    }

    /** The operator's last app closed: the stretch ends, and the operator is offline. */
    public void disconnected(long userId) {
        synchronized (lockOf(userId)) {
            if (current.remove(userId) == null) {
                return;
            }
            try {
                logRows.end(userId, clock.instant());
            } catch (RuntimeException e) {
                log.warn("Cannot end the work status of user {} in the log: {}", userId, e.getMessage());
            }
        }
    }

    /**
     * The operator's own choice. A break needs one of {@link #reasons()}; the PBX is asked to follow first, and the
     * status changes whatever it answers.
     *
     * @throws org.jooq.exception.DataAccessException when the log cannot be written: nothing changed
     */
    public Outcome set(long userId, WorkStatus status, String reason, String answering) {
        if (status == null) {
            return new Outcome.Refused("status is required: available or break");
        }
        if (status == WorkStatus.BREAK && !reasons.contains(reason)) {
            return new Outcome.Refused("a break needs a reason, one of " + String.join(", ", reasons.codes()));
        }
        String kept = status == WorkStatus.BREAK ? reason : null;
        synchronized (lockOf(userId)) {
            CurrentStatus was = current.get(userId);
            if (was != null && was.status() == status && Objects.equals(was.reason(), kept)) {
                return new Outcome.Changed(was, null); // a double click: no new stretch, no second pause
            }
            CurrentStatus now = new CurrentStatus(status, kept, clock.instant());
            String problem = followedByPbx(userId, now).problem();
            logRows.begin(userId, now, StatusSource.APP, problem);
            current.put(userId, now);
            tell(userId, now, problem, answering);
            return new Outcome.Changed(now, problem);
        }
    }

    /**
     * The PBX says the operator's queue membership was paused or unpaused (a feature code on the phone): the status
     * follows, unless it already says so — as it does when the pause was the PBX following Zvonok. A reason not on
     * the list is logged as {@code other}. An operator who is not connected has no status to change: the board shows
     * them offline either way.
     */
    public void fromPbx(long userId, boolean paused, String pbxReason) {
        synchronized (lockOf(userId)) {
            CurrentStatus was = current.get(userId);
            if (was == null || (was.status() == WorkStatus.BREAK) == paused) {
                return;
            }
            CurrentStatus now = paused ? new CurrentStatus(WorkStatus.BREAK, reasons.closest(pbxReason), clock.instant())
                    : CurrentStatus.available(clock.instant());
            try {
                logRows.begin(userId, now, StatusSource.PHONE, null);
            } catch (RuntimeException e) {
                log.warn("Cannot log the work status of user {} the phone set: {}", userId, e.getMessage());
            }
            current.put(userId, now);
            tell(userId, now, null, null);
        }
    }

    private PauseOutcome followedByPbx(long userId, CurrentStatus status) {
        try {
            return status.status() == WorkStatus.BREAK ? pauser.pause(userId, status.reason()) : pauser.unpause(userId);
        } catch (RuntimeException e) {
            return new PauseOutcome.Failed("the PBX could not be asked: " + e.getMessage());
        }
    }

    private void tell(long userId, CurrentStatus status, String problem, String answering) {
        for (Listener listener : listeners) {
            try {
                listener.changed(userId, status, problem, answering);
            } catch (RuntimeException e) {
                log.warn("A work status listener failed", e);
            }
        }
    }

    private Object lockOf(long userId) {
        return locks.computeIfAbsent(userId, id -> new Object());
    }
}
