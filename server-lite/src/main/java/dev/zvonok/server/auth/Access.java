package dev.zvonok.server.auth;

import dev.zvonok.model.directory.Role;
import io.javalin.security.RouteRole;

/**
 * Who may call an endpoint under {@code /api}, given when the endpoint is added:
 * {@code routes.get("/api/users", handler, Access.ADMIN)}. An endpoint without one is open to every logged-in user;
 * with several, meeting any one of them is enough. A caller without a valid token gets 401, one with a token but
 * without the role 403.
 */
public enum Access implements RouteRole {
    /** No token needed. Everything under {@code /api/auth/} is public without saying so. */
    PUBLIC,
    /** Supervisors and admins: those who see every operator's calls. */
    SUPERVISOR,
    /** Admins only: those who manage the directory. */
    ADMIN;

    /** Whether a user with this role may call an endpoint marked with this access. */
    public boolean allows(Role role) {
        return switch (this) {
            case PUBLIC -> true;
            case SUPERVISOR -> role == Role.SUPERVISOR || role == Role.ADMIN;
            case ADMIN -> role == Role.ADMIN;
        };
    }
}
