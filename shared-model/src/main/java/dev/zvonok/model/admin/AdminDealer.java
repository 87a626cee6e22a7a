package dev.zvonok.model.admin;

import java.util.List;

/** A dealer, with its company (if any) and the numbers it calls from. */
public record AdminDealer(long id, String name, Long companyId, String companyName, String city, String comment,
                          List<AdminPhone> phones) {

    public AdminDealer {
        phones = List.copyOf(phones);
    }
}
