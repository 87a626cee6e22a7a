package dev.zvonok.model.admin;

import java.util.List;

/**
 * {@code POST /api/admin/teams}, {@code PUT /api/admin/teams/{id}}.
 *
 * @param members the ids of the users in the team (operators, supervisors); on a PUT, null leaves them as they are
 */
public record TeamRequest(String name, String comment, List<Long> members) {
}
