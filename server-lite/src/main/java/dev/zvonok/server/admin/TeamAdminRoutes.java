package dev.zvonok.server.admin;

import dev.zvonok.model.admin.AdminError;
import dev.zvonok.model.admin.AdminPage;
import dev.zvonok.model.admin.AdminSort;
import dev.zvonok.model.admin.TeamRequest;
import dev.zvonok.server.audit.AuditLog;
import dev.zvonok.server.directory.ChangeRecorder;
import dev.zvonok.server.directory.Team;
import dev.zvonok.server.directory.TeamDetails;
import dev.zvonok.server.directory.TeamRepository;
import dev.zvonok.server.directory.UserRepository;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@code /api/admin/teams}: named groups of users, their members given by user id. */
final class TeamAdminRoutes extends EntityAdminRoutes<TeamRequest, Team> {

    private static final String ENTITY = "team";

    private final TeamRepository teams;
    private final UserRepository users;

    TeamAdminRoutes(TeamRepository teams, UserRepository users, AuditLog audit, Requests requests) {
        super(ENTITY, "/api/admin/teams", TeamRequest.class, Team::id, audit, requests);
        this.teams = Objects.requireNonNull(teams, "teams");
        this.users = Objects.requireNonNull(users, "users");
    }

    @Override
    Team create(TeamRequest request, ChangeRecorder<Team> audited) {
        TeamDetails details = details(request, null);
        return teams.create(details, members(request.members() == null ? List.of() : request.members()), audited);
    }

    /** Without {@code members} the members stay as they are. */
    @Override
    Optional<Team> update(long id, TeamRequest request, ChangeRecorder<Team> audited) {
        TeamDetails details = details(request, id);
        List<Long> members = request.members() == null ? null : members(request.members());
        return teams.update(id, details, members, audited);
    }

    @Override
    boolean delete(long id, ChangeRecorder<Team> audited) {
        return teams.delete(id, audited);
    }

    @Override
    Optional<Team> find(long id) {
        return teams.find(id);
    }

    @Override
    AdminPage<?> list(QueryParams params) {
        Paging paging = Paging.of(params);
        return paging.page(teams.search(params.text("query"), params.sort(AdminSort.TEAMS), paging.offset(),
                paging.limit()), AdminViews::team);
    }

    @Override
    Object view(Team stored) {
        return AdminViews.team(stored);
    }

    private TeamDetails details(TeamRequest request, Long self) {
        TeamDetails details = Requests.checked(() -> new TeamDetails(request.name(), request.comment()), Map.of());
        teams.findByName(details.name()).filter(other -> self == null || other.id() != self).ifPresent(other -> {
            throw AdminProblem.taken("name", "there is a team named '" + other.name() + "' already",
                    new AdminError.Owner(ENTITY, other.id(), other.name()));
        });
        return details;
    }

    private List<Long> members(List<Long> ids) {
        for (int i = 0; i < ids.size(); i++) {
            Long id = ids.get(i);
            if (id == null || users.find(id).isEmpty()) {
                throw AdminProblem.invalid("members[" + i + "]", "no user " + id);
            }
        }
        return ids;
    }
}
