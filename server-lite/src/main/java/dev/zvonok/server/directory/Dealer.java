package dev.zvonok.server.directory;

import java.util.List;

/**
 * A dealer (a point of sale or service), usually belonging to a company, with the numbers it calls from.
 *
 * @param companyId   null for an independent dealer
 * @param companyName the company's name, for display
 */
public record Dealer(long id, String name, Long companyId, String companyName, String city, String comment,
                     List<PhoneEntry> phones) {

    public Dealer {
        phones = List.copyOf(phones);
    }
}
