package dev.zvonok.server.directory;

import java.util.List;
import java.util.Objects;

/**
 * A user to create ({@code id} null, with a password) or to update (the password is left alone).
 *
 * @param phones the user's numbers from now on; null leaves them as they are
 * @param teams  the names of the user's teams from now on (a team not there yet is created); null leaves them
 */
public record UserUpsert(Long id, UserDetails details, String password, List<EnteredNumber> phones,
                         List<String> teams) {

    public UserUpsert {
        Objects.requireNonNull(details, "details");
        if (id == null) {
            PasswordRules.require(password);
        }
        phones = phones == null ? null : List.copyOf(phones);
        teams = teams == null ? null : List.copyOf(teams);
    }

    /** Leaving the user's teams as they are. */
    public UserUpsert(Long id, UserDetails details, String password, List<EnteredNumber> phones) {
        this(id, details, password, phones, null);
    }
}
