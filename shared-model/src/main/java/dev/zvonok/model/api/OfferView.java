package dev.zvonok.model.api;

import dev.zvonok.model.call.CallNotes;
import dev.zvonok.model.call.OfferResult;
import java.time.Instant;

/**
 * One operator's part in a call, with what they wrote and when they closed the card.
 *
 * <p>The card ({@code notes}: notes, tags, priority, client data) is this operator's own: only they write on it, and
 * {@code finishedAt} is when they closed it ("Finish and close"). So "who wrote it" and "who finished it" are
 * {@code operatorName} (or {@code extension} when the directory does not know its owner).
 *
 * @param pickedUp      the operator took the call by call pickup: their own phone never rang ({@code ringAt} is the
 *                      pickup)
 * @param wrapUpSeconds from the end of their part to "Finish and close", rounded; null while the card is open, and for
 *                      cards closed before the server measured it
 */
public record OfferView(String extension, Long userId, String operatorName, OfferResult result, Instant ringAt,
                        Instant answerAt, Instant endAt, String transferredFrom, String transferredTo,
                        CallNotes notes, Instant finishedAt, boolean pickedUp, Long wrapUpSeconds) {
}
