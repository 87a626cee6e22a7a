package dev.zvonok.app.card;

import dev.zvonok.model.call.CallNotes;
import java.util.Optional;

/**
 * Where the cards' edits go: the only way out of this package. Implemented by the live connection's outbox (journaled,
 * debounced); its answers come back to {@link CardsPresenter#accept} as {@code notes-updated}, {@code error} and
 * {@code call-finished}.
 *
 * <p>Called on the FX thread: an implementation must only record the edit and return, never wait for the network.
 */
public interface CardSync {

    /**
     * The operator changed the card of {@code callId}. Called on every change (each keystroke): debouncing is the
     * outbox's job. {@code draft} is the whole card; its {@code version} is the last one the card knows the server
     * stored (0 before the first save, then each {@code notes-updated}'s). An outbox that sends one save at a time per
     * call should send its newest draft with the version of the newest acknowledgement it has seen, or its own saves
     * will be refused as stale.
     */
    void notesEdited(String callId, CallNotes draft);

    /**
     * "Finish and close": the card is already gone from the screen. The outbox must send the call's pending draft (if
     * any) before the {@code finish-call}, so nothing the operator typed is lost.
     */
    void finish(String callId);

    /**
     * What the operator typed on this card and the server never acknowledged, kept across a crash or a restart: a
     * restored card shows it instead of the server's older notes. None by default.
     */
    default Optional<CallNotes> unsavedDraft(String callId) {
        return Optional.empty();
    }
}
