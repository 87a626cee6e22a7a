package dev.zvonok.app.board;

import java.time.Duration;
import java.util.Objects;

/**
 * The supervisor's limits: when a queue's wait turns amber and red, and when a wait, a wrap-up or calls not taken in a
 * row raise an alert.
 *
 * @param unansweredRingsAlert how many calls in a row an operator lets ring without taking one before an alert
 */
public record BoardThresholds(Duration queueWarning, Duration queueCritical, Duration callerWaitingAlert,
                              Duration wrapupAlert, int unansweredRingsAlert) {

    public BoardThresholds {
        Objects.requireNonNull(queueWarning, "queueWarning");
        Objects.requireNonNull(queueCritical, "queueCritical");
        Objects.requireNonNull(callerWaitingAlert, "callerWaitingAlert");
        Objects.requireNonNull(wrapupAlert, "wrapupAlert");
        if (queueCritical.compareTo(queueWarning) < 0) {
            throw new IllegalArgumentException("the red threshold comes after the amber one");
        }
        if (unansweredRingsAlert < 1) {
            throw new IllegalArgumentException("at least one unanswered call: " + unansweredRingsAlert);
        }
    }

    /**
     * A common call centre's service goal: answered within 20 s; a minute's wait is an alert; three calls let ring
     * in a row mean nobody is at the desk.
     */
    public static BoardThresholds defaults() {
        return new BoardThresholds(Duration.ofSeconds(20), Duration.ofSeconds(60), Duration.ofSeconds(60),
                Duration.ofMinutes(3), 3);
    }

    /** Amber after {@code wait}; red no sooner than that. */
    public BoardThresholds withQueueWarning(Duration wait) {
        return new BoardThresholds(wait, queueCritical.compareTo(wait) < 0 ? wait : queueCritical, callerWaitingAlert,
                wrapupAlert, unansweredRingsAlert);
    }

    /** Red after {@code wait}; amber no later than that. */
    public BoardThresholds withQueueCritical(Duration wait) {
        return new BoardThresholds(queueWarning.compareTo(wait) > 0 ? wait : queueWarning, wait, callerWaitingAlert,
                wrapupAlert, unansweredRingsAlert);
    }

    public BoardThresholds withCallerWaitingAlert(Duration wait) {
        return new BoardThresholds(queueWarning, queueCritical, wait, wrapupAlert, unansweredRingsAlert);
    }

    public BoardThresholds withWrapupAlert(Duration wrapup) {
        return new BoardThresholds(queueWarning, queueCritical, callerWaitingAlert, wrapup, unansweredRingsAlert);
    }

    public BoardThresholds withUnansweredRingsAlert(int calls) {
        return new BoardThresholds(queueWarning, queueCritical, callerWaitingAlert, wrapupAlert, calls);
    }

    public AlarmLevel alarm(Duration wait) {
        if (wait.compareTo(queueCritical) >= 0) {
            return AlarmLevel.CRITICAL;
        }
        return wait.compareTo(queueWarning) >= 0 ? AlarmLevel.WARNING : AlarmLevel.CALM;
    }
}
