package dev.zvonok.server.calls;

import dev.zvonok.model.call.CallNotes;
import dev.zvonok.model.call.OfferResult;
import java.time.Instant;
import java.util.Objects;

/**
 * One operator's part in a call, with what they wrote on the call card.
 *
 * @param notes      the card as stored ({@link CallNotes#NONE} when nothing was written), with its version
 * @param finishedAt when the operator closed the card ("Finish and close"), or null
 * @param wrapUpMs   from the end of their part to the close, or null
 * @param pickedUp   taken by call pickup: their phone never rang
 */
public record OfferDetails(
        long id,
        String extension,
        Long userId,
        String userName,
        OfferResult result,
        Instant ringAt,
        Instant answerAt,
        Instant endAt,
        Long ringMs,
        Long talkMs,
        String transferredFrom,
        String transferredTo,
        CallNotes notes,
        Instant finishedAt,
        Long wrapUpMs,
        boolean pickedUp) {

    public OfferDetails {
        Objects.requireNonNull(notes, "notes");
    }
}
