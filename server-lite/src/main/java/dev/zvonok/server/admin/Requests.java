package dev.zvonok.server.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zvonok.server.api.ApiException;
import dev.zvonok.server.api.ClientAddresses;
import dev.zvonok.server.audit.Actor;
import dev.zvonok.server.auth.AuthenticatedUser;
import dev.zvonok.server.auth.RequestUser;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/** What every administration handler reads from its request: the JSON body, the path's id, who asks and from where. */
final class Requests {

    private final ObjectMapper json;
    private final ClientAddresses addresses;

    Requests(ObjectMapper json, ClientAddresses addresses) {
        this.json = Objects.requireNonNull(json, "json");
        this.addresses = Objects.requireNonNull(addresses, "addresses");
    }

    /** @throws JsonProcessingException for a body that is not JSON: the server answers 400 {@code malformed-json} */
    <T> T body(Context ctx, Class<T> type) throws JsonProcessingException {
        // read here rather than with ctx.bodyAsClass, which fails with a NullPointerException (500) on "null"
        T body = json.readValue(ctx.body(), type);
        if (body == null) {
            throw ApiException.badRequest("a JSON object is required");
        }
        return body;
    }

    static long id(Context ctx) {
        String raw = ctx.pathParam("id");
        try {
            long id = Long.parseLong(raw);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw ApiException.notFound("no such id: '" + raw + "'");
    }

    static QueryParams query(Context ctx) {
        return new QueryParams(ctx::queryParam);
    }

    Actor actor(Context ctx) {
        AuthenticatedUser user = RequestUser.of(ctx);
        return new Actor(user.id(), user.login(), addresses.of(ctx).getHostAddress());
    }

    static Supplier<ApiException> notFound(String what, long id) {
        return () -> ApiException.notFound("no " + what + " " + id);
    }

    /**
     * Runs a constructor of the directory's details, whose checks throw {@code "field is required"} and the like,
     * and says their complaint as a 400 naming the request's field.
     *
     * @param fieldNames the directory's field names that the request calls otherwise
     */
    static <T> T checked(Supplier<T> details, Map<String, String> fieldNames) {
        try {
            return details.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            String message = String.valueOf(e.getMessage());
            int space = message.indexOf(' ');
            String field = space < 0 ? message : message.substring(0, space);
            String rest = space < 0 ? "is missing" : message.substring(space + 1);
            throw AdminProblem.invalid(fieldNames.getOrDefault(field, field), rest);
        }
    }
}
