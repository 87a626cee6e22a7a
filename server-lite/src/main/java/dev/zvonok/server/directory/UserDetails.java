package dev.zvonok.server.directory;

import dev.zvonok.model.directory.Role;
import java.util.Objects;

/** What an admin enters for a user (the password and the phones are set separately). */
public record UserDetails(String login, String displayName, Role role, String city, boolean active) {

    public UserDetails {
        login = Texts.required(login, "login", 64).toLowerCase(java.util.Locale.ROOT);
        displayName = Texts.required(displayName, "displayName", 200);
        Objects.requireNonNull(role, "role");
        city = Texts.optional(city, "city", 100);
    }

    public static UserDetails of(String login, String displayName, Role role) {
        return new UserDetails(login, displayName, role, null, true);
    }
}
