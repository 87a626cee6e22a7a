package dev.zvonok.server.callbacks;

import static dev.zvonok.server.db.schema.Tables.USERS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zvonok.model.stats.AssignedCallback;
import dev.zvonok.model.stats.AssignedCallbacks;
import dev.zvonok.model.stats.CallbackAssignment;
import dev.zvonok.model.stats.CallbackAssignmentRequest;
import dev.zvonok.model.ws.ServerMessage;
import dev.zvonok.server.api.ApiException;
import dev.zvonok.server.api.ClientAddresses;
import dev.zvonok.server.api.Routes;
import dev.zvonok.server.audit.Actor;
import dev.zvonok.server.audit.AuditLog;
import dev.zvonok.server.auth.Access;
import dev.zvonok.server.auth.AuthenticatedUser;
import dev.zvonok.server.auth.RequestUser;
import dev.zvonok.server.directory.ChangeRecorder;
import dev.zvonok.server.stats.StatsScope;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;
import org.jooq.DSLContext;

/**
 * Giving a number of the call-back list to an operator: {@code POST /api/stats/callbacks/{callId}/assignment}
 * {@code {"userId": …}} and {@code DELETE} of the same to give it to nobody, for supervisors (to the people of their
 * teams only) and admins (to anybody active); each change is a row of the audit log ({@code assign} or
 * {@code unassign}, entity {@code callback}, the call's id) and reaches the operators concerned over the WebSocket.
 * {@code GET /api/callbacks/mine}: what the asking user was given and has not reached yet.
 */
public final class CallbackAssignmentRoutes implements Routes {

    static final String ENTITY = "callback";

    private final CallbackAssignments assignments;
    private final DSLContext dsl;
    private final Function<AuthenticatedUser, StatsScope> scopes;
    private final AuditLog audit;
    private final UserMessages messages;
    private final ClientAddresses addresses;
    private final ObjectMapper json;
    private final Clock clock;

    /** @param scopes whom a user may give calls to: the statistics' scope (a supervisor's teams, an admin all) */
    public CallbackAssignmentRoutes(CallbackAssignments assignments, DSLContext dsl,
                                    Function<AuthenticatedUser, StatsScope> scopes, AuditLog audit,
                                    UserMessages messages, ClientAddresses addresses, ObjectMapper json, Clock clock) {
        this.assignments = Objects.requireNonNull(assignments, "assignments");
        this.dsl = Objects.requireNonNull(dsl, "dsl");
        this.scopes = Objects.requireNonNull(scopes, "scopes");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.addresses = Objects.requireNonNull(addresses, "addresses");
        this.json = Objects.requireNonNull(json, "json");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/stats/callbacks/{callId}/assignment", this::assign, Access.SUPERVISOR);
        routes.delete("/api/stats/callbacks/{callId}/assignment", this::withdraw, Access.SUPERVISOR);
        routes.get("/api/callbacks/mine", this::mine);
    }

    private void assign(Context ctx) {
        AuthenticatedUser asker = RequestUser.of(ctx);
        CallbackAssignments.MissedCall call = missedCall(ctx);
        long userId = request(ctx).userId();
        Boolean active = dsl.select(USERS.ACTIVE).from(USERS).where(USERS.ID.eq(userId)).fetchOne(USERS.ACTIVE);
        if (active == null || !active) {
            throw ApiException.notFound("no active user " + userId);
        }
        StatsScope scope = scopes.apply(asker);
        theirs(call, scope);
        if (!scope.all() && !scope.users().contains(userId)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "forbidden", "user " + userId + " is not in your teams");
        }
        mayTakeFrom(scope, assignments.current(dsl, call.normalized()));
        CallbackAssignments.Change change = assignments.assign(call, userId, asker.id(), clock.instant(),
                recorder(ctx, asker, "assign"));
        CallbackAssignment before = change.before();
        CallbackAssignment after = change.after();
        if (before != null && before.userId() != after.userId()) {
            messages.send(before.userId(), new ServerMessage.CallbackWithdrawn(before.callId(), before.number()));
        }
        if (before == null || before.userId() != after.userId()) {
            messages.send(after.userId(), new ServerMessage.CallbackAssigned(new AssignedCallback(call.id(),
                    call.number(), call.callerName(), call.startedAt(), after.assignedAt(), after.assignedByName())));
        }
        ctx.json(after);
    }

    private void withdraw(Context ctx) {
        AuthenticatedUser asker = RequestUser.of(ctx);
        CallbackAssignments.MissedCall call = missedCall(ctx);
        StatsScope scope = scopes.apply(asker);
        theirs(call, scope);
        mayTakeFrom(scope, assignments.current(dsl, call.normalized()));
        CallbackAssignment before = assignments.withdraw(call, recorder(ctx, asker, "unassign"));
        if (before != null) {
            messages.send(before.userId(), new ServerMessage.CallbackWithdrawn(before.callId(), before.number()));
        }
        ctx.status(HttpStatus.NO_CONTENT);
    }

    /** A supervisor acts on their teams' calls only; another team's call is not there for them (404, as unknown). */
    private void theirs(CallbackAssignments.MissedCall call, StatsScope scope) {
        if (!assignments.inScope(call, scope)) {
            throw ApiException.notFound("no call " + call.id() + " to call back in your teams' calls");
        }
    }

    /** A supervisor does not take a number from somebody of another team. */
    private static void mayTakeFrom(StatsScope scope, CallbackAssignment current) {
        if (current != null && !scope.all() && !scope.users().contains(current.userId())) {
            throw new ApiException(HttpStatus.FORBIDDEN, "forbidden",
                    "the number was given to somebody not in your teams");
        }
    }

    private void mine(Context ctx) {
        ctx.json(new AssignedCallbacks(assignments.of(RequestUser.of(ctx).id())));
    }

    private CallbackAssignments.MissedCall missedCall(Context ctx) {
        String raw = ctx.pathParam("callId");
        long callId;
        try {
            callId = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("no call '" + raw + "'");
        }
        return assignments.missedCall(callId).orElseThrow(() -> ApiException.notFound(
                "no call " + callId + " to call back: no such call, not a missed inbound call, or reached since"));
    }

    private CallbackAssignmentRequest request(Context ctx) {
        try {
            CallbackAssignmentRequest request = json.readValue(ctx.body(), CallbackAssignmentRequest.class);
            if (request == null || request.userId() <= 0) {
                throw ApiException.badRequest("userId: the id of the user to call back");
            }
            return request;
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("a JSON object {\"userId\": …} expected: " + e.getOriginalMessage());
        }
    }

    private ChangeRecorder<CallbackAssignment> recorder(Context ctx, AuthenticatedUser asker, String action) {
        Actor actor = new Actor(asker.id(), asker.login(), addresses.of(ctx).getHostAddress());
        return audit.recorder(actor, action, ENTITY, CallbackAssignment::callId);
    }
}
