package dev.zvonok.server.directory;

import dev.zvonok.model.directory.Role;
import java.util.List;

/**
 * A person who logs in: an operator, a supervisor or an admin, with their phones.
 *
 * @param teams the names of the teams the user belongs to, alphabetically
 */
public record User(long id, String login, String displayName, Role role, String city, boolean active,
                   List<UserPhone> phones, List<String> teams) {

    public User {
        phones = List.copyOf(phones);
        teams = List.copyOf(teams);
    }

    /** A user in no team. */
    public User(long id, String login, String displayName, Role role, String city, boolean active,
                List<UserPhone> phones) {
        this(id, login, displayName, role, city, active, phones, List.of());
    }

    /** The extensions of the user's desk phones, normalized. */
    public List<String> extensions() {
        return phones.stream().filter(p -> p.type() == PhoneType.EXTENSION).map(UserPhone::normalized).toList();
    }
}
