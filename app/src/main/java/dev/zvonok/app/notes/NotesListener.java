package dev.zvonok.app.notes;

import dev.zvonok.model.call.CallNotes;
import java.time.Instant;

/**
 * What becomes of the operator's notes. Called on the outbox's own thread, one event after the other; a UI listener
 * hops to the FX thread itself.
 */
public interface NotesListener {

    /**
     * The server stored the card's newest draft (or one before it, when the operator typed on meanwhile) as
     * {@code version}.
     *
     * @param savedAt when the server stored it; null when the server turned out to hold this text already (after a
     *                lost acknowledgement) and did not say when
     */
    default void acknowledged(String callId, int version, Instant savedAt) {
    }

    /**
     * The card was changed elsewhere (another of the operator's computers) since the version this app edited. The
     * local draft is kept and is being saved over it; {@code serverNotes} is what it replaces, for the UI to show
     * ("also edited elsewhere: ...") so that nothing is lost without the operator seeing it.
     */
    default void conflict(String callId, CallNotes serverNotes, CallNotes keptDraft) {
    }

    /**
     * The server refused the card's notes or its closing for good (not this operator's call, a field it will not
     * take). The draft stays in the journal; it is sent again after the next edit or reconnect.
     */
    default void rejected(String callId, NotesRejection rejection) {
    }

    /** How many cards have notes not yet acknowledged, or a "Finish and close" not yet done. */
    default void pendingChanged(int pending) {
    }
}
