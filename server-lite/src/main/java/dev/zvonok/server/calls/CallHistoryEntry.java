package dev.zvonok.server.calls;

import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import java.time.Instant;
import java.util.List;

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
}
