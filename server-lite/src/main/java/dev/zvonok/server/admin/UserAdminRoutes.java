package dev.zvonok.server.admin;

import dev.zvonok.model.admin.AdminError;
import dev.zvonok.model.admin.AdminRules;
import dev.zvonok.model.admin.AdminSort;
import dev.zvonok.model.admin.AdminUser;
import dev.zvonok.model.admin.PasswordRequest;
import dev.zvonok.model.admin.UserRequest;
import dev.zvonok.model.directory.Role;
import dev.zvonok.server.api.Routes;
import dev.zvonok.server.audit.Actor;
import dev.zvonok.server.audit.AuditLog;
import dev.zvonok.server.auth.Access;
import dev.zvonok.server.directory.NewPhone;
import dev.zvonok.server.directory.NumberTakenException;
import dev.zvonok.server.directory.Team;
import dev.zvonok.server.directory.TeamRepository;
import dev.zvonok.server.directory.User;
import dev.zvonok.server.directory.UserDetails;
import dev.zvonok.server.directory.UserRepository;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * {@code /api/admin/users}: create, list, read, edit, reset the password, deactivate (never delete: a user's calls
 * keep pointing at them). A deactivated user cannot log in, their refresh tokens are revoked, and their open
 * WebSockets close as soon as the directory reports the change.
 */
final class UserAdminRoutes implements Routes {

    private static final String ENTITY = "user";
    private static final Map<String, String> FIELDS = Map.of("displayName", "name");
    /** What BCrypt reads of a password. */

    private final UserRepository users;
    private final TeamRepository teams;
    private final PhoneInputs phones;
    private final AuditLog audit;
    private final LongConsumer endSessions;
    private final Requests requests;

    /** @param endSessions ends every login session of a user: their refresh tokens die */
    UserAdminRoutes(UserRepository users, TeamRepository teams, PhoneInputs phones, AuditLog audit,
                    LongConsumer endSessions, Requests requests) {
        this.users = Objects.requireNonNull(users, "users");
        this.teams = Objects.requireNonNull(teams, "teams");
        this.phones = Objects.requireNonNull(phones, "phones");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.endSessions = Objects.requireNonNull(endSessions, "endSessions");
        this.requests = Objects.requireNonNull(requests, "requests");
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/admin/users", this::create, Access.ADMIN);
        routes.get("/api/admin/users", this::list, Access.ADMIN);
        routes.get("/api/admin/users/{id}", this::read, Access.ADMIN);
        routes.put("/api/admin/users/{id}", this::update, Access.ADMIN);
        routes.post("/api/admin/users/{id}/password", this::password, Access.ADMIN);
        routes.delete("/api/admin/users/{id}", this::deactivate, Access.ADMIN);
    }

    private void create(Context ctx) throws Exception {
        UserRequest request = requests.body(ctx, UserRequest.class);
        UserDetails details = details(request, request.active() == null || request.active());
        String password = password(request.password());
        loginFree(details.login(), null);
        List<NewPhone> numbers = phones.ofUser(request.phones() == null ? List.of() : request.phones());
        List<Long> teamIds = teamIds(request.teams() == null ? List.of() : request.teams());
        User created = written(() -> users.create(details, password, numbers, teamIds,
                audit.recorder(requests.actor(ctx), "create", ENTITY, User::id)));
        ctx.status(HttpStatus.CREATED).header("Location", "/api/admin/users/" + created.id())
                .json(AdminViews.user(created));
    }

    private void list(Context ctx) {
        QueryParams params = Requests.query(ctx);
        Paging paging = Paging.of(params);
        String role = params.oneOf("role", "admin", "supervisor", "operator");
        var found = users.search(params.text("query"), role == null ? null : Role.of(role), params.bool("active"),
                params.sort(AdminSort.USERS), paging.offset(), paging.limit());
        ctx.json(paging.page(found, AdminViews::user));
    }

    private void read(Context ctx) {
        long id = Requests.id(ctx);
        ctx.json(AdminViews.user(users.find(id).orElseThrow(Requests.notFound(ENTITY, id))));
    }

    private void update(Context ctx) throws Exception {
        long id = Requests.id(ctx);
        UserRequest request = requests.body(ctx, UserRequest.class);
        if (request.password() != null) {
            throw AdminProblem.invalid("password", "is changed through POST /api/admin/users/" + id + "/password");
        }
        User before = users.find(id).orElseThrow(Requests.notFound(ENTITY, id));
        UserDetails details = details(request, request.active() == null ? before.active() : request.active());
        Actor actor = requests.actor(ctx);
        notLockingOut(actor, id, details);
        loginFree(details.login(), id);
        List<NewPhone> numbers = phones.ofUser(request.phones());
        List<Long> teamIds = request.teams() == null ? null : teamIds(request.teams());
        String action = before.active() && !details.active() ? "deactivate" : "update";
        User after = written(() -> users.update(id, details, numbers, teamIds,
                audit.recorder(actor, action, ENTITY, User::id))).orElseThrow(Requests.notFound(ENTITY, id));
        if (!after.active()) {
            endSessions.accept(id);
        }
        ctx.json(AdminViews.user(after));
    }

    private void password(Context ctx) throws Exception {
        long id = Requests.id(ctx);
        String password = password(requests.body(ctx, PasswordRequest.class).password());
        Actor actor = requests.actor(ctx);
        if (!users.changePassword(id, password, audit.recorder(actor, "password", ENTITY, User::id))) {
            throw Requests.notFound(ENTITY, id).get();
        }
        if (id != actor.userId()) {
            // whoever knew the old password is logged out everywhere; the admin changing their own stays in
            endSessions.accept(id);
        }
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void deactivate(Context ctx) {
        long id = Requests.id(ctx);
        User before = users.find(id).orElseThrow(Requests.notFound(ENTITY, id));
        UserDetails details = new UserDetails(before.login(), before.displayName(), before.role(), before.city(),
                false);
        Actor actor = requests.actor(ctx);
        notLockingOut(actor, id, details);
        User after = users.update(id, details, null, null, audit.recorder(actor, "deactivate", ENTITY, User::id))
                .orElseThrow(Requests.notFound(ENTITY, id));
        endSessions.accept(id);
        ctx.json(AdminViews.user(after));
    }

    private static UserDetails details(UserRequest request, boolean active) {
        if (request.role() == null || request.role().isBlank()) {
            throw AdminProblem.invalid("role", "is required: admin, supervisor or operator");
        }
        Role role;
        try {
            role = Role.of(request.role().strip());
        } catch (IllegalArgumentException e) {
            throw AdminProblem.invalid("role", "must be admin, supervisor or operator, was '" + request.role() + "'");
        }
        return Requests.checked(() -> new UserDetails(request.login(), request.name(), role, request.city(), active),
                FIELDS);
    }

    private static String password(String password) {
        String problem = AdminRules.passwordProblem(password);
        if (problem != null) {
            throw AdminProblem.invalid("password", problem);
        }
        return password;
    }

    private void loginFree(String login, Long self) {
        Optional<User> holder = users.findByLogin(login).filter(user -> self == null || user.id() != self);
        if (holder.isPresent()) {
            User other = holder.get();
            throw AdminProblem.taken("login", "'" + login + "' is the login of " + other.displayName()
                    + (other.active() ? "" : " (deactivated)"),
                    new AdminError.Owner(ENTITY, other.id(), other.displayName()));
        }
    }

    /** An admin cannot deactivate themselves, nor take their own admin role: somebody must be left to undo it. */
    private static void notLockingOut(Actor actor, long id, UserDetails details) {
        if (actor.userId() == null || actor.userId() != id) {
            return;
        }
        if (!details.active()) {
            throw AdminProblem.notYourself("active", "you cannot deactivate your own account");
        }
        if (details.role() != Role.ADMIN) {
            throw AdminProblem.notYourself("role", "you cannot take away your own admin role");
        }
    }

    private List<Long> teamIds(List<String> names) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            int index = i;
            ids.add(teams.findByName(name).map(Team::id).orElseThrow(() -> AdminProblem.invalid(
                    "teams[" + index + "]", "no team named '" + name + "'")));
        }
        return ids;
    }

    private static <T> T written(java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (NumberTakenException e) {
            throw PhoneInputs.taken(e, PhoneInputs.field(e.index()));
        }
    }
}
