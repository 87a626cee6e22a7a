package dev.zvonok.model.admin;

import java.util.List;

/**
 * {@code POST /api/admin/users} (password required) and {@code PUT /api/admin/users/{id}} (no password: that is
 * {@code POST .../password}). On a PUT, {@code teams}, {@code phones} and {@code active} left out (null) stay as they
 * are; given, they replace what there was.
 *
 * @param role  {@code admin}, {@code supervisor} or {@code operator}
 * @param teams the names of existing teams
 */
public record UserRequest(String login, String name, String role, String password, String city, List<String> teams,
                          List<AdminPhone> phones, Boolean active) {
}
