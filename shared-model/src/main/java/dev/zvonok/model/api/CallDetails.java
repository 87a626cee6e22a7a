package dev.zvonok.model.api;

import java.util.List;

/** {@code GET /api/calls/{id}}: a call with every operator's part in it and its transfers. */
public record CallDetails(CallListItem call, List<OfferView> offers, List<TransferView> transfers) {

    public CallDetails {
        offers = List.copyOf(offers);
        transfers = List.copyOf(transfers);
    }
}
