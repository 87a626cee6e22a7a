package dev.zvonok.model.api;

import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.call.HangupSide;
import dev.zvonok.model.directory.CallerView;
import java.time.Instant;

/**
 * One call in a history list.
 *
 * @param id          the call's id (Asterisk's Linkedid), as on the WebSocket
 * @param caller      the other party as the directory knew them at the time of the call
 * @param disposition null while the call is in progress
 * @param reachedAt   when the other party was reached afterwards (a later answered call from or to them), else null:
 *                    a missed call so reached needs no call-back (the server decides, the same for every client)
 */
public record CallListItem(String id, CallDirection direction, String callerNumber, CallerView caller,
                           String dialed, String queue, CallDisposition disposition, String answeredBy,
                           String answeredByName, Instant startedAt, Instant answeredAt, Instant endedAt,
                           Long ringSeconds, Long talkSeconds, HangupSide hangupSide, Instant reachedAt) {
}
