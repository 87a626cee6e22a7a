package dev.zvonok.app.history;

import dev.zvonok.model.api.OfferView;
import dev.zvonok.model.call.CallNotes;
import dev.zvonok.model.call.ClientInfo;
import dev.zvonok.model.call.Priority;
import java.time.Instant;

/**
 * One operator's card on a call, as its details show it: what they wrote (notes, tags, priority, client data) and
 * when they finished it. Only the operator of an offer writes on its card, so they wrote it and they finished it.
 *
 * @param operator      their name, else their extension
 * @param finishedAt    "Finish and close", or null while the card is still open
 * @param wrapUpSeconds from the end of their part to the finish; null when unknown
 */
public record CallCard(String operator, String extension, CallNotes notes, Instant finishedAt, Long wrapUpSeconds) {

    /** The card of an offer, if the operator wrote anything on it or finished it; else null. */
    static CallCard of(OfferView offer) {
        CallNotes notes = offer.notes() == null ? CallNotes.NONE : offer.notes();
        if (!written(notes) && offer.finishedAt() == null) {
            return null;
        }
        return new CallCard(operator(offer), offer.extension(), notes, offer.finishedAt(), offer.wrapUpSeconds());
    }

    /** Who took part: the operator's name, else their extension. */
    static String operator(OfferView offer) {
        return offer.operatorName() != null && !offer.operatorName().isBlank() ? offer.operatorName()
                : offer.extension();
    }

    static boolean written(CallNotes notes) {
        return !notes.notes().isBlank() || !notes.tags().isEmpty() || notes.priority() != Priority.NORMAL
                || !notes.clientInfo().equals(ClientInfo.EMPTY);
    }

    public boolean hasClientInfo() {
        return !notes.clientInfo().equals(ClientInfo.EMPTY);
    }
}
