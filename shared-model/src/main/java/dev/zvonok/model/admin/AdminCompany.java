package dev.zvonok.model.admin;

import java.util.List;

/** A client company, with the numbers it calls from. */
public record AdminCompany(long id, String name, String inn, String city, String comment, List<AdminPhone> phones) {

    public AdminCompany {
        phones = List.copyOf(phones);
    }
}
