package dev.zvonok.server.directory;

import java.util.List;
import java.util.Objects;

/**
 * A user to create ({@code id} null, with a password) or to update (the password is left alone).
 *
 * @param phones the user's numbers from now on; null leaves them as they are
 */
public record UserUpsert(Long id, UserDetails details, String password, List<EnteredNumber> phones) {

    public UserUpsert {
        Objects.requireNonNull(details, "details");
        if (id == null) {
            PasswordRules.require(password);
        }
        phones = phones == null ? null : List.copyOf(phones);
    }
}
