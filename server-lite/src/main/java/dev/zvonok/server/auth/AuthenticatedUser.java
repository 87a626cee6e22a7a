package dev.zvonok.server.auth;

import dev.zvonok.model.directory.Role;
import java.util.Objects;

/** Who made a request or holds a WebSocket: proven by a valid access token. */
public record AuthenticatedUser(long id, String login, String name, Role role) {

    public AuthenticatedUser {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(role, "role");
    }

    /** Supervisors and admins see every operator's calls; operators their own. */
    public boolean seesAllCalls() {
        return role == Role.SUPERVISOR || role == Role.ADMIN;
    }
}
