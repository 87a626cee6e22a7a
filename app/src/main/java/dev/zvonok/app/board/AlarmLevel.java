package dev.zvonok.app.board;

/** How long a wait is, against the supervisor's thresholds: the queue panel's colours. */
public enum AlarmLevel {
    CALM,
    WARNING,
    CRITICAL
}
