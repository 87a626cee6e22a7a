package dev.zvonok.server.stats;

import static dev.zvonok.server.db.schema.Tables.CALLS;
import static dev.zvonok.server.db.schema.Tables.LINES;
import static dev.zvonok.server.db.schema.Tables.TEAMS;
import static dev.zvonok.server.db.schema.Tables.USERS;
import static dev.zvonok.server.db.schema.Tables.USER_TEAMS;

import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.stats.StatsQuery;
import dev.zvonok.server.api.ApiException;
import dev.zvonok.server.auth.AuthenticatedUser;
import io.javalin.http.HttpStatus;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Reads a question's filters ({@link StatsQuery}) and checks them: a value that names nothing is a 400 naming the
 * parameter (a typo must not read as "no calls"), an operator or team outside the asking supervisor's teams a 403
 * (an empty answer would hide that the question was wrong).
 */
public final class StatsFilters {

    private final DSLContext dsl;

    public StatsFilters(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    /**
     * The asker's scope, narrowed by the request's filters. {@code operatorId} and {@code team} may each be given
     * several times: within one parameter the values add up (these operators; the members of these teams), across
     * parameters they narrow (of these operators, those in these teams), as the filters of a report do.
     *
     * @param params every value of a parameter by its {@link StatsQuery} name, none when absent
     */
    public StatsScope narrow(Function<String, List<String>> params, AuthenticatedUser asker, StatsScope scope) {
        Set<Long> operators = null;
        List<String> operatorIds = values(params, StatsQuery.OPERATOR_ID);
        if (!operatorIds.isEmpty()) {
            operators = new HashSet<>();
            for (String raw : operatorIds) {
                operators.add(operator(raw, scope));
            }
        }
        List<String> teams = values(params, StatsQuery.TEAM);
        if (!teams.isEmpty()) {
            Set<Long> members = new HashSet<>();
            for (String name : teams) {
                members.addAll(membersOf(name, asker, scope));
            }
            if (operators != null) {
                members.retainAll(operators);
            }
            operators = members;
        }
        String line = text(params, StatsQuery.LINE);
        if (line != null && !isLine(line)) {
            throw ApiException.badRequest(StatsQuery.LINE + ": no line or dialled number " + line);
        }
        String queue = text(params, StatsQuery.QUEUE);
        if (queue != null && !isQueue(queue)) {
            throw ApiException.badRequest(StatsQuery.QUEUE + ": no queue " + queue);
        }
        StatsFilter filter = new StatsFilter(operators, line, queue, direction(params));
        return filter.isNone() ? scope : scope.narrowedTo(filter);
    }

    private long operator(String raw, StatsScope scope) {
        long operatorId = id(raw, StatsQuery.OPERATOR_ID);
        if (!dsl.fetchExists(USERS, USERS.ID.eq(operatorId))) {
            throw ApiException.badRequest(StatsQuery.OPERATOR_ID + ": no user " + operatorId);
        }
        if (!scope.all() && !scope.users().contains(operatorId)) {
            throw forbidden(StatsQuery.OPERATOR_ID + ": " + operatorId + " is in none of your teams");
        }
        return operatorId;
    }

    /** A team by its name, as the board and the journal name it (team names are unique). */
    private List<Long> membersOf(String name, AuthenticatedUser asker, StatsScope scope) {
        Long team = dsl.select(TEAMS.ID).from(TEAMS).where(TEAMS.NAME.eq(name)).fetchOne(TEAMS.ID);
        if (team == null) {
            throw ApiException.badRequest(StatsQuery.TEAM + ": no team " + name);
        }
        if (!scope.all() && !dsl.fetchExists(USER_TEAMS,
                USER_TEAMS.TEAM_ID.eq(team), USER_TEAMS.USER_ID.eq(asker.id()))) {
            throw forbidden(StatsQuery.TEAM + ": " + name + " is not one of your teams");
        }
        return dsl.select(USER_TEAMS.USER_ID).from(USER_TEAMS).where(USER_TEAMS.TEAM_ID.eq(team))
                .fetch(USER_TEAMS.USER_ID);
    }

    /** A line of the administration, or a line or dialled number some call has. */
    private boolean isLine(String line) {
        return dsl.fetchExists(LINES, LINES.NAME.eq(line))
                || dsl.fetchExists(CALLS, CALLS.DIALED_NORMALIZED.eq(line))
                || dsl.fetchExists(CALLS, CALLS.LINE_NAME.eq(line))
                || dsl.fetchExists(CALLS, CALLS.DIALED_NORMALIZED.isNull(), CALLS.DIALED_NUMBER.eq(line));
    }

    /** A queue line of the administration, or a queue some call came through. */
    private boolean isQueue(String queue) {
        return dsl.fetchExists(LINES, LINES.KIND.eq("queue"),
                        DSL.or(LINES.NORMALIZED.eq(queue), LINES.NUMBER.eq(queue)))
                || dsl.fetchExists(CALLS, CALLS.QUEUE.eq(queue));
    }

    private static CallDirection direction(Function<String, List<String>> params) {
        String raw = text(params, StatsQuery.DIRECTION);
        if (raw == null) {
            return null;
        }
        try {
            return CallDirection.valueOf(raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(StatsQuery.DIRECTION + ": inbound, outbound or internal, not " + raw);
        }
    }

    private static long id(String raw, String name) {
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + ": an id such as 12, not " + raw);
        }
    }

    private static List<String> values(Function<String, List<String>> params, String name) {
        return params.apply(name).stream().filter(value -> !value.isBlank()).map(String::strip).toList();
    }

    private static String text(Function<String, List<String>> params, String name) {
        List<String> all = params.apply(name);
        String raw = all.isEmpty() ? null : all.getFirst();
        return raw == null || raw.isBlank() ? null : raw.strip();
    }

    private static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, "forbidden", message);
    }
}
