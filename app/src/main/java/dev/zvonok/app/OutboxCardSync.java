package dev.zvonok.app;

import dev.zvonok.app.card.CardSync;
import dev.zvonok.app.notes.NotesOutbox;
import dev.zvonok.model.call.CallNotes;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The cards' edits into the journaled outbox: nothing typed is lost, whatever happens to the network or the PC. */
final class OutboxCardSync implements CardSync {

    private static final Logger log = LoggerFactory.getLogger(OutboxCardSync.class);

    private final NotesOutbox outbox;

    OutboxCardSync(NotesOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void notesEdited(String callId, CallNotes draft) {
        // the card's fields hold the server's limits, so a refusal here means a bug, not a long note
        outbox.edit(callId, draft).ifPresent(violation ->
                log.warn("Notes of {} not saved: {}", callId, violation));
    }

    @Override
    public void finish(String callId) {
        outbox.finish(callId);
    }

    @Override
    public Optional<CallNotes> unsavedDraft(String callId) {
        return outbox.unacknowledgedDraft(callId);
    }
}
