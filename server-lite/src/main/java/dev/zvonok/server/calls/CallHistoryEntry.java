package dev.zvonok.server.calls;

import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.ws.HistoryEntry;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An earlier call of a number, as the incoming-call card lists it.
 *
 * @param operatorExtension who answered, else the first operator it rang for
 * @param notes             what operators wrote on the call, in ring order
 */
public record CallHistoryEntry(
        long callId,
        String linkedid,
        Instant startedAt,
        CallDirection direction,
        CallDisposition disposition,
        String operatorExtension,
        String operatorName,
        Long talkMs,
        List<Note> notes) {

    public CallHistoryEntry {
        notes = List.copyOf(notes);
    }

    /** One operator's notes on the call. */
    public record Note(String extension, String operatorName, String text) {
    }

    /** What the operator the entry names (who answered, else the first it rang for) wrote; null if nothing. */
    public String operatorNotes() {
        return notes.stream().filter(n -> Objects.equals(n.extension(), operatorExtension)).map(Note::text)
                .findFirst().orElse(null);
    }

    /** The entry as the incoming-call card shows it: the operator by name (by extension when not in the directory). */
    public HistoryEntry toWire() {
        return new HistoryEntry(linkedid, startedAt, operatorName != null ? operatorName : operatorExtension,
                disposition, operatorNotes());
    }
}
