package dev.zvonok.app.board;

import java.time.Duration;
import java.util.Objects;

/**
 * The supervisor's limits: when a queue's wait turns amber and red, and when a wait or a wrap-up raises an alert.
 */
public record BoardThresholds(Duration queueWarning, Duration queueCritical, Duration callerWaitingAlert,
                              Duration wrapupAlert) {

    public BoardThresholds {
        Objects.requireNonNull(queueWarning, "queueWarning");
        Objects.requireNonNull(queueCritical, "queueCritical");
        Objects.requireNonNull(callerWaitingAlert, "callerWaitingAlert");
        Objects.requireNonNull(wrapupAlert, "wrapupAlert");
        if (queueCritical.compareTo(queueWarning) < 0) {
            throw new IllegalArgumentException("the red threshold comes after the amber one");
        }
    }

    /** A common call centre's service goal: answered within 20 s; a minute's wait is an alert. */
    public static BoardThresholds defaults() {
        return new BoardThresholds(Duration.ofSeconds(20), Duration.ofSeconds(60), Duration.ofSeconds(60),
                Duration.ofMinutes(3));
    }

    public AlarmLevel alarm(Duration wait) {
        if (wait.compareTo(queueCritical) >= 0) {
            return AlarmLevel.CRITICAL;
        }
        return wait.compareTo(queueWarning) >= 0 ? AlarmLevel.WARNING : AlarmLevel.CALM;
    }
}
