package dev.zvonok.model.admin;

import dev.zvonok.model.directory.Role;
import java.util.List;

/** A user as the administration shows them. A deactivated user ({@code active} false) cannot log in. */
public record AdminUser(long id, String login, String name, Role role, String city, boolean active,
                        List<String> teams, List<AdminPhone> phones) {

    public AdminUser {
        teams = List.copyOf(teams);
        phones = List.copyOf(phones);
    }
}
