package dev.zvonok.server.directory;

import java.util.List;
import java.util.Objects;

/**
 * A company to create ({@code id} null) or to update.
 *
 * @param phones the company's numbers from now on; null leaves them as they are
 */
public record CompanyUpsert(Long id, CompanyDetails details, List<EnteredNumber> phones) {

    public CompanyUpsert {
        Objects.requireNonNull(details, "details");
        phones = phones == null ? null : List.copyOf(phones);
    }
}
