package dev.zvonok.app.notes;

import dev.zvonok.model.call.CallNotes;
import java.time.Instant;
import java.util.Objects;

/**
 * What the journal keeps of one card until the server has it: the newest draft not yet acknowledged, the server
 * version it edits, and whether the operator asked to finish the card.
 *
 * @param draft           null when every draft is acknowledged and only the finish is still to go
 * @param baseVersion     the notes version on the server that {@code draft} replaces (its own {@code version} field
 *                        is not used)
 * @param finishRequested "Finish and close" was pressed and the server has not confirmed {@code call-finished}
 * @param updatedAt       when this entry was last written, for the log and for stale leftovers
 */
public record JournalEntry(String callId, CallNotes draft, int baseVersion, boolean finishRequested,
                           Instant updatedAt) {

    public JournalEntry {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
