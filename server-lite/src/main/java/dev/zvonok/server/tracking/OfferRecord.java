package dev.zvonok.server.tracking;

import dev.zvonok.model.call.OfferResult;
import java.time.Instant;

/**
 * One operator's part in a call.
 *
 * @param transferredFrom the operator who passed the call to this one, or null
 * @param transferredTo   where this operator passed the call on to, or null
 */
public record OfferRecord(
        String extension,
        OfferResult result,
        Instant ringAt,
        Instant answerAt,
        Instant endAt,
        String transferredFrom,
        String transferredTo) {
}
