package dev.zvonok.server.tracking;

import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.call.HangupSide;
import java.time.Instant;
import java.util.List;

/**
 * The final account of one call, as {@code replay} prints it and the database keeps it.
 *
 * @param answeredBy the extension of the first operator who answered (inbound and internal calls), else null
 * @param answerAt   when that operator answered; for outbound calls, when the called party did
 * @param hangupCause the Q.850 cause of the last leg's hangup, when Asterisk gave one
 */
public record CallRecord(
        String linkedid,
        CallDirection direction,
        String caller,
        String dialed,
        String queue,
        CallDisposition disposition,
        String answeredBy,
        List<OfferRecord> offers,
        List<TransferRecord> transfers,
        Instant startAt,
        Instant answerAt,
        Instant endAt,
        HangupSide hangupSide,
        Integer hangupCause,
        String hangupCauseText) {

    public CallRecord {
        offers = List.copyOf(offers);
        transfers = List.copyOf(transfers);
    }
}
