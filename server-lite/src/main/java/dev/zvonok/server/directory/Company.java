package dev.zvonok.server.directory;

import java.util.List;

/** A client organisation, with the numbers it calls from. */
public record Company(long id, String name, String inn, String city, String comment, List<PhoneEntry> phones) {

    public Company {
        phones = List.copyOf(phones);
    }
}
