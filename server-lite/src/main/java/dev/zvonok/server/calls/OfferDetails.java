package dev.zvonok.server.calls;

import dev.zvonok.model.call.OfferResult;
import java.time.Instant;
import java.util.List;

/** One operator's part in a call, with what they wrote on the call card. */
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
        String notes,
        List<String> tags,
        String priority,
        Instant finishedAt,
        Long wrapUpMs) {

    public OfferDetails {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
