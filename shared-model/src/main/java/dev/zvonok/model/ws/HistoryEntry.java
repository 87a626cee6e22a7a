package dev.zvonok.model.ws;

import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.call.ClientInfo;
import dev.zvonok.model.call.Priority;
import java.time.Instant;
import java.util.List;

/**
 * One earlier call of the same number, for the card: when, who took it, how it ended, and what that operator put on
 * its card. Fields after {@code notes} came later: a message without them reads as "nothing stored".
 *
 * @param operator          who took (or was rung for) the call, by display name; by extension when the directory
 *                          does not know the phone
 * @param operatorExtension that operator's extension, or null
 * @param tags              the card's tags, never null
 * @param priority          the card's priority, or null when nothing was stored
 * @param clientInfo        the client's details noted on the card, or null when none
 */
public record HistoryEntry(String callId, Instant startedAt, String operator, CallDisposition disposition,
                           String notes, String operatorExtension, List<String> tags, Priority priority,
                           ClientInfo clientInfo) {

    public HistoryEntry {
        tags = tags == null ? List.of() : List.copyOf(tags);
        clientInfo = clientInfo == null || clientInfo.isEmpty() ? null : clientInfo;
    }

    /** An entry with nothing on its card but the notes. */
    public HistoryEntry(String callId, Instant startedAt, String operator, CallDisposition disposition,
                        String notes) {
        this(callId, startedAt, operator, disposition, notes, null, List.of(), null, null);
    }
}
