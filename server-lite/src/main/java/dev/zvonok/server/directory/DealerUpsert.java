package dev.zvonok.server.directory;

import java.util.List;
import java.util.Objects;

/**
 * A dealer to create ({@code id} null) or to update.
 *
 * @param phones the dealer's numbers from now on; null leaves them as they are
 */
public record DealerUpsert(Long id, DealerDetails details, List<EnteredNumber> phones) {

    public DealerUpsert {
        Objects.requireNonNull(details, "details");
        phones = phones == null ? null : List.copyOf(phones);
    }
}
