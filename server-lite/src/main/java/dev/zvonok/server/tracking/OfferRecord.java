package dev.zvonok.server.tracking;

import dev.zvonok.model.call.OfferResult;
import java.time.Instant;

/**
 * One operator's part in a call: their phone rang for it, or they took it by call pickup.
 *
 * @param transferredFrom the operator who passed the call to this one, or null
 * @param transferredTo   where this operator passed the call on to, or null
 * @param pickedUp        the operator took the call that rang elsewhere with call pickup ({@code *8},
 *                        {@code PickupChan}): their own phone never rang, so this is no offer of a ring (statistics
 *                        count it as answered, not as offered)
 * @param holdMs          how long the operator kept the caller on hold (Hold → Unhold, a hold still running at the
 *                        part's end counting up to it), inside the part's talk; null when the part was not answered
 */
public record OfferRecord(
        String extension,
        OfferResult result,
        Instant ringAt,
        Instant answerAt,
        Instant endAt,
        String transferredFrom,
        String transferredTo,
        boolean pickedUp,
        Long holdMs) {

    /** A part without a hold. */
    public OfferRecord(String extension, OfferResult result, Instant ringAt, Instant answerAt, Instant endAt,
                       String transferredFrom, String transferredTo, boolean pickedUp) {
        this(extension, result, ringAt, answerAt, endAt, transferredFrom, transferredTo, pickedUp,
                answerAt == null ? null : 0L);
    }

    /** A ring on the operator's phone. */
    public OfferRecord(String extension, OfferResult result, Instant ringAt, Instant answerAt, Instant endAt,
                       String transferredFrom, String transferredTo) {
        this(extension, result, ringAt, answerAt, endAt, transferredFrom, transferredTo, false);
    }
}
