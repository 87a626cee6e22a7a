package dev.zvonok.model.api;

import dev.zvonok.model.call.CallNotes;
import dev.zvonok.model.call.OfferResult;
import java.time.Instant;

/**
 * One operator's part in a call, with what they wrote and when they closed the card.
 *
 * @param pickedUp the operator took the call by call pickup: their own phone never rang ({@code ringAt} is the pickup)
 */
public record OfferView(String extension, Long userId, String operatorName, OfferResult result, Instant ringAt,
                        Instant answerAt, Instant endAt, String transferredFrom, String transferredTo,
                        CallNotes notes, Instant finishedAt, boolean pickedUp) {
}
