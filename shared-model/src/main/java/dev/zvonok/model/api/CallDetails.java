package dev.zvonok.model.api;

import java.util.List;

/**
 * {@code GET /api/calls/{id}}: a call with every operator's part in it and its transfers.
 *
 * @param call      the call as the list shows it ({@link CallListItem#notes()} only a preview)
 * @param offers    every operator it rang for or who took it, in ring order, each with their whole card (notes, tags,
 *                  priority, client data) and when they finished it
 * @param transfers in the order they happened
 */
public record CallDetails(CallListItem call, List<OfferView> offers, List<TransferView> transfers) {

    public CallDetails {
        offers = List.copyOf(offers);
        transfers = List.copyOf(transfers);
    }
}
