package dev.zvonok.server.calls;

import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.call.HangupSide;
import dev.zvonok.model.directory.CallerKind;
import java.time.Instant;
import java.util.List;

/**
 * One recorded call, as a list shows it.
 *
 * @param callerKind      who the other party was when the call came in (the caller; for outbound calls the called
 *                        party), with {@code callerName} and {@code callerCompany} as they were then
 * @param disposition     null while the call is still going on
 * @param answeredByName  the answering operator's current display name
 * @param reachedAt       when the other party was reached afterwards: the start of the first later answered call from
 *                        them or to them (a call-back); null while they were not. A missed call so reached needs no
 *                        call-back any more
 * @param lineName        the line an inbound call came in on, as it was named then; null when on no known line
 */
public record CallSummary(
        long id,
        String linkedid,
        CallDirection direction,
        String callerNumber,
        String dialedNumber,
        String queue,
        CallerKind callerKind,
        String callerName,
        String callerCompany,
        Long callerUserId,
        Long callerDealerId,
        Long callerCompanyId,
        CallDisposition disposition,
        String answeredByExtension,
        Long answeredByUserId,
        String answeredByName,
        Instant startedAt,
        Instant answeredAt,
        Instant endedAt,
        Long ringMs,
        Long talkMs,
        HangupSide hangupSide,
        Integer hangupCause,
        String hangupCauseText,
        Instant reachedAt,
        List<String> notes,
        String lineName,
        String lineSource) {

    public CallSummary {
        notes = List.copyOf(notes);
    }
}
