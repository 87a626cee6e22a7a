package dev.zvonok.model.board;

import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.directory.CallerView;
import dev.zvonok.model.directory.LineView;
import java.time.Instant;

/**
 * One call of an operator on the board. An operator may have several at once (a second call ringing while talking):
 * the board shows them all.
 *
 * @param callerNumber    the other party's number: E.164 for public numbers, the extension for a colleague
 * @param line            the line the call came in on, named as the directory names it; null when none
 * @param queue           the queue that offered the call, or null
 * @param transferredFrom the extension of the operator who passed the call on, or null
 * @param since           when the call entered {@code state}
 */
public record BoardCall(String callId, CallDirection direction, String callerNumber, CallerView caller,
                        LineView line, String queue, String transferredFrom, BoardCallState state, Instant since) {
}
