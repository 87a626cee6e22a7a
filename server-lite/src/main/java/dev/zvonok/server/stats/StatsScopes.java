package dev.zvonok.server.stats;

import static dev.zvonok.server.db.schema.Tables.USER_TEAMS;

import dev.zvonok.model.directory.Role;
import dev.zvonok.server.auth.AuthenticatedUser;
import dev.zvonok.server.db.schema.tables.UserTeams;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * What a user may count: an admin everything, a supervisor the people of their teams ({@code user_teams}; while nobody
 * is in any team, everyone is in one, as on the board), an operator only themselves. Read at each request, so that a
 * change of teams counts at once. Unlike the board, which shows who works now, it keeps deactivated operators: their
 * calls of the period still count for their team.
 */
public final class StatsScopes {

    private static final UserTeams MINE = USER_TEAMS.as("mine");

    private final DSLContext dsl;

    public StatsScopes(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    public StatsScope of(AuthenticatedUser user) {
        if (user.role() == Role.ADMIN) {
            return StatsScope.everything();
        }
        if (user.role() == Role.OPERATOR) {
            return StatsScope.of(Set.of(user.id()), Set.of());
        }
        if (!dsl.fetchExists(USER_TEAMS)) {
            return StatsScope.everything();
        }
        Set<Long> members = new HashSet<>(dsl.selectDistinct(USER_TEAMS.USER_ID)
                .from(USER_TEAMS)
                .join(MINE).on(MINE.TEAM_ID.eq(USER_TEAMS.TEAM_ID))
                .where(MINE.USER_ID.eq(user.id()))
                .fetch(USER_TEAMS.USER_ID));
        return StatsScope.of(members, Set.of());
    }
}
