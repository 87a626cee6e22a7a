package dev.zvonok.server.calls;

import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.call.ClientInfo;
import dev.zvonok.model.call.Priority;
import dev.zvonok.model.ws.HistoryEntry;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An earlier call of a number, as the incoming-call card lists it.
 *
 * @param operatorExtension who answered, else the first operator it rang for
 * @param notes             the cards operators wrote on the call (anything on them), in ring order
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

    /**
     * One operator's card on the call.
     *
     * @param text       the notes, or null
     * @param priority   as stored, or null when the card was never saved
     * @param clientInfo the client's details, or null when none
     */
    public record Note(String extension, String operatorName, String text, List<String> tags, Priority priority,
                       ClientInfo clientInfo) {

        public Note {
            tags = tags == null ? List.of() : List.copyOf(tags);
            clientInfo = clientInfo == null || clientInfo.isEmpty() ? null : clientInfo;
        }

        public Note(String extension, String operatorName, String text) {
            this(extension, operatorName, text, List.of(), null, null);
        }

        /** Whether the operator put anything on the card: notes, tags, a priority other than normal, client data. */
        public boolean hasContent() {
            return text != null || !tags.isEmpty() || clientInfo != null
                    || priority != null && priority != Priority.NORMAL;
        }
    }

    /** The card of the operator the entry names (who answered, else the first it rang for), if they wrote one. */
    public Optional<Note> operatorsCard() {
        return notes.stream().filter(n -> Objects.equals(n.extension(), operatorExtension)).findFirst();
    }

    /** What the operator the entry names wrote; null if nothing. */
    public String operatorNotes() {
        return operatorsCard().map(Note::text).orElse(null);
    }

    /**
     * The entry as the incoming-call card shows it: the operator by name (by extension when not in the directory),
     * with what that operator put on the card.
     */
    public HistoryEntry toWire() {
        Optional<Note> card = operatorsCard();
        return new HistoryEntry(linkedid, startedAt, operatorName != null ? operatorName : operatorExtension,
                disposition, card.map(Note::text).orElse(null), operatorExtension,
                card.map(Note::tags).orElse(List.of()), card.map(Note::priority).orElse(null),
                card.map(Note::clientInfo).orElse(null));
    }
}
