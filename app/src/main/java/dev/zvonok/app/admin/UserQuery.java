package dev.zvonok.app.admin;

import dev.zvonok.model.directory.Role;

/**
 * What the users list asks the server for.
 *
 * @param text   a name, a login or part of a number; blank for everybody
 * @param role   null for every role
 * @param active null for active and deactivated users alike
 * @param page   from 1
 * @param sort   null for the server's own order
 */
public record UserQuery(String text, Role role, Boolean active, int page, int limit, Sort sort) {

    /** In the server's own order. */
    public UserQuery(String text, Role role, Boolean active, int page, int limit) {
        this(text, role, active, page, limit, null);
    }
}
