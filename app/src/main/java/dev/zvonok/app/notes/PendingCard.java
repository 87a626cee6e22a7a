package dev.zvonok.app.notes;

import dev.zvonok.model.call.CallNotes;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;

/**
 * One card in the outbox: what is journaled ({@link JournalEntry}) plus what is in flight on the current connection.
 * Mutable, confined to the outbox's thread.
 */
final class PendingCard {

    String callId;
    /** The newest draft the server has not acknowledged; null when there is none. */
    CallNotes draft;
    /** Counts the operator's edits, so an acknowledgement can tell which draft it was for. */
    long draftSeq;
    int baseVersion;
    boolean finishRequested;

    /** The ref of the save or finish awaiting an answer on this connection; null when none is. */
    String inFlightRef;
    long inFlightSeq;
    boolean inFlightIsFinish;
    /** The server refused the draft; not sent again until the next edit or reconnect. */
    boolean parked;
    Instant firstUnsentEditAt;
    ScheduledFuture<?> debounce;
    ScheduledFuture<?> ackTimeout;

    PendingCard(String callId, int baseVersion) {
        this.callId = callId;
        this.baseVersion = baseVersion;
    }

    static PendingCard of(JournalEntry entry) {
        PendingCard card = new PendingCard(entry.callId(), entry.baseVersion());
        card.draft = entry.draft();
        card.draftSeq = entry.draft() == null ? 0 : 1;
        card.finishRequested = entry.finishRequested();
        return card;
    }

    JournalEntry toEntry(Instant now) {
        return new JournalEntry(callId, draft, baseVersion, finishRequested, now);
    }

    /** Anything the server does not have yet. */
    boolean isPending() {
        return draft != null || finishRequested;
    }

    boolean isDebouncing() {
        return debounce != null && !debounce.isDone();
    }

    /** Forgets what was in flight: the connection it was sent on is gone, or it was answered. */
    void landed() {
        inFlightRef = null;
        inFlightIsFinish = false;
        if (ackTimeout != null) {
            ackTimeout.cancel(false);
            ackTimeout = null;
        }
    }
}
