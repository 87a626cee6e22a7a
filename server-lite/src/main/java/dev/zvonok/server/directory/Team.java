package dev.zvonok.server.directory;

import dev.zvonok.model.directory.Role;
import java.util.List;

/** A named group of users: operators, and the supervisors who look after them. */
public record Team(long id, String name, String comment, List<Member> members) {

    public Team {
        members = List.copyOf(members);
    }

    /** A user in the team, as the team's list shows them. */
    public record Member(long id, String login, String displayName, Role role, boolean active) {
    }
}
