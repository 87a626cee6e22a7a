package dev.zvonok.app.board;

import java.time.Instant;

/**
 * Something on the board a supervisor should look at. One alert per episode: a caller's wait (their call id), an
 * operator's stay in wrap-up (the operator and when it began); it is raised once, when the threshold passes.
 *
 * @param subject who it is about: the caller (name, else number) or the operator's name
 * @param where   the queue the caller waits in; null for a wrap-up
 * @param since   when the wait or the wrap-up began; for unanswered rings, when the operator's state last changed
 * @param count   how many calls in a row were not taken, for {@link AlertKind#UNANSWERED_RINGS}; else 0
 */
public record BoardAlert(AlertKind kind, String key, String subject, String where, Instant since, int count) {

    public BoardAlert(AlertKind kind, String key, String subject, String where, Instant since) {
        this(kind, key, subject, where, since, 0);
    }
}
