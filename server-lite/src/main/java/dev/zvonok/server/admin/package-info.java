/**
 * The administration's REST API, {@code /api/admin/...}, for admins only (the access guard answers 403 to anybody
 * else): users with their phones and teams, dealers, companies, lines, teams, and the audit log. Every change is one
 * transaction of the directory's repositories with its audit row in it; the same checks hold for every route: numbers
 * read by the server's rules, one owner per number and kind (409 naming the owner), extensions as the PBX's pattern
 * says, unique logins and team names, passwords of {@link dev.zvonok.model.admin.AdminRules#MIN_PASSWORD_LENGTH}
 * characters or more, and 400s that name the field.
 */
package dev.zvonok.server.admin;
