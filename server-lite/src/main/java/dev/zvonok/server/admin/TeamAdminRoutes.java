package dev.zvonok.server.admin;

import dev.zvonok.model.admin.AdminError;
import dev.zvonok.model.admin.AdminSort;
import dev.zvonok.model.admin.TeamRequest;
import dev.zvonok.server.api.Routes;
import dev.zvonok.server.audit.AuditLog;
import dev.zvonok.server.auth.Access;
import dev.zvonok.server.directory.Team;
import dev.zvonok.server.directory.TeamDetails;
import dev.zvonok.server.directory.TeamRepository;
import dev.zvonok.server.directory.UserRepository;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@code /api/admin/teams}: named groups of users, their members given by user id. */
final class TeamAdminRoutes implements Routes {

    private static final String ENTITY = "team";

    private final TeamRepository teams;
    private final UserRepository users;
    private final AuditLog audit;
    private final Requests requests;

    TeamAdminRoutes(TeamRepository teams, UserRepository users, AuditLog audit, Requests requests) {
        this.teams = Objects.requireNonNull(teams, "teams");
        this.users = Objects.requireNonNull(users, "users");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.requests = Objects.requireNonNull(requests, "requests");
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/admin/teams", this::create, Access.ADMIN);
        routes.get("/api/admin/teams", this::list, Access.ADMIN);
        routes.get("/api/admin/teams/{id}", this::read, Access.ADMIN);
        routes.put("/api/admin/teams/{id}", this::update, Access.ADMIN);
        routes.delete("/api/admin/teams/{id}", this::delete, Access.ADMIN);
    }

    private void create(Context ctx) throws Exception {
        TeamRequest request = requests.body(ctx, TeamRequest.class);
        TeamDetails details = details(request, null);
        List<Long> members = members(request.members() == null ? List.of() : request.members());
        Team created = teams.create(details, members, audit.recorder(requests.actor(ctx), "create", ENTITY, Team::id));
        ctx.status(HttpStatus.CREATED).header("Location", "/api/admin/teams/" + created.id())
                .json(AdminViews.team(created));
    }

    private void list(Context ctx) {
        QueryParams params = Requests.query(ctx);
        Paging paging = Paging.of(params);
        ctx.json(paging.page(teams.search(params.text("query"), params.sort(AdminSort.TEAMS), paging.offset(),
                paging.limit()), AdminViews::team));
    }

    private void read(Context ctx) {
        long id = Requests.id(ctx);
        ctx.json(AdminViews.team(teams.find(id).orElseThrow(Requests.notFound(ENTITY, id))));
    }

    private void update(Context ctx) throws Exception {
        long id = Requests.id(ctx);
        TeamRequest request = requests.body(ctx, TeamRequest.class);
        TeamDetails details = details(request, id);
        List<Long> members = request.members() == null ? null : members(request.members());
        Team after = teams.update(id, details, members, audit.recorder(requests.actor(ctx), "update", ENTITY,
                Team::id)).orElseThrow(Requests.notFound(ENTITY, id));
        ctx.json(AdminViews.team(after));
    }

    private void delete(Context ctx) {
        long id = Requests.id(ctx);
        if (!teams.delete(id, audit.recorder(requests.actor(ctx), "delete", ENTITY, Team::id))) {
            throw Requests.notFound(ENTITY, id).get();
        }
        ctx.status(HttpStatus.NO_CONTENT);
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
