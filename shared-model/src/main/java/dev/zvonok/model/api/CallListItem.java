package dev.zvonok.model.api;

import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.call.HangupSide;
import dev.zvonok.model.directory.CallerView;
import dev.zvonok.model.directory.LineView;
import java.time.Instant;

/**
 * One call in a history list.
 *
 * @param id          the call's id (Asterisk's Linkedid), as on the WebSocket
 * @param caller      the other party as the directory knew them at the time of the call
 * @param disposition null while the call is in progress
 * @param reachedAt   when the other party was reached afterwards (a later answered call from or to them), else null:
 *                    a missed call so reached needs no call-back (the server decides, the same for every client)
 * @param notes       a preview of what operators wrote on the call's cards, for a notes column: every card's notes in
 *                    ring order joined by {@value #NOTES_SEPARATOR}, line breaks and runs of spaces made one space,
 *                    cut to {@value #NOTES_PREVIEW_CHARS} characters ending in "…" when longer; null when nobody
 *                    wrote anything. The whole text, card by card, is in {@link CallDetails}
 */
public record CallListItem(String id, CallDirection direction, String callerNumber, CallerView caller,
                           String dialed, String queue, CallDisposition disposition, String answeredBy,
                           String answeredByName, Instant startedAt, Instant answeredAt, Instant endedAt,
                           Long ringSeconds, Long talkSeconds, HangupSide hangupSide, Instant reachedAt,
                           String notes, LineView line) {

    /** A call on no known line. */
    public CallListItem(String id, CallDirection direction, String callerNumber, CallerView caller,
                        String dialed, String queue, CallDisposition disposition, String answeredBy,
                        String answeredByName, Instant startedAt, Instant answeredAt, Instant endedAt,
                        Long ringSeconds, Long talkSeconds, HangupSide hangupSide, Instant reachedAt,
                        String notes) {
        this(id, direction, callerNumber, caller, dialed, queue, disposition, answeredBy, answeredByName, startedAt,
                answeredAt, endedAt, ringSeconds, talkSeconds, hangupSide, reachedAt, notes, null);
    }

    /** How long {@link #notes()} gets at most: a table cell's worth, so that a page of 100 stays small. */
    public static final int NOTES_PREVIEW_CHARS = 200;

    /** Between two operators' notes in {@link #notes()}. */
    public static final String NOTES_SEPARATOR = " | ";
}
