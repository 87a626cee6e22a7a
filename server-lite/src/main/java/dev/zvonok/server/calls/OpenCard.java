package dev.zvonok.server.calls;

import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.call.CallNotes;
import dev.zvonok.model.call.OfferResult;
import dev.zvonok.model.directory.CallerView;
import dev.zvonok.model.directory.LineView;
import dev.zvonok.model.ws.ActiveCall;
import dev.zvonok.model.ws.HistoryEntry;
import dev.zvonok.model.ws.ServerMessage;
import java.time.Instant;
import java.util.List;

/**
 * A card its operator has not closed yet, with what it takes to show it again after a reconnect or a restart.
 *
 * @param callId      the call's Linkedid (the surviving call's, if the operator's call was merged into another)
 * @param caller      the other party as the directory knew them when the call was recorded
 * @param extension   the operator's phone
 * @param endAt       when the operator's part ended; null while they still talk
 * @param result      what became of the operator's offer; null while it goes on
 * @param disposition how the whole call ended; null while it goes on
 * @param line        the line the call came in on, as the call's record keeps it; null when none
 */
public record OpenCard(String callId, CallDirection direction, String callerNumber, CallerView caller, String dialed,
                       String queue, String extension, Instant ringAt, Instant answerAt, Instant endAt,
                       String transferredFrom, OfferResult result, CallDisposition disposition, CallNotes notes,
                       LineView line) {

    /** The card as the WebSocket restores it; {@code history} is the caller's earlier calls, newest first. */
    public ActiveCall toActiveCall(List<HistoryEntry> history) {
        var ring = new ServerMessage.IncomingCall(callId, direction, callerNumber, caller, dialed, queue, extension,
                ringAt, transferredFrom, history, null, null, line);
        ActiveCall.State state = endAt == null ? ActiveCall.State.ACTIVE : ActiveCall.State.ENDED;
        return new ActiveCall(ring, state, answerAt, endAt, disposition, notes);
    }
}
