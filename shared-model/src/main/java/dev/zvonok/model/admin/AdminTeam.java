package dev.zvonok.model.admin;

import dev.zvonok.model.directory.Role;
import java.util.List;

/** A named group of users: operators, and the supervisors who look after them. */
public record AdminTeam(long id, String name, String comment, List<Member> members) {

    public AdminTeam {
        members = List.copyOf(members);
    }

    /** A user in the team. */
    public record Member(long id, String login, String name, Role role, boolean active) {
    }
}
