package dev.zvonok.server.calls;

import java.util.List;

/** A call with every offer (in ring order) and every transfer. */
public record CallDetails(CallSummary call, List<OfferDetails> offers, List<TransferDetails> transfers) {

    public CallDetails {
        offers = List.copyOf(offers);
        transfers = List.copyOf(transfers);
    }
}
