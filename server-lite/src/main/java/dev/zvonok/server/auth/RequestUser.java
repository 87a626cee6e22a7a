package dev.zvonok.server.auth;

import dev.zvonok.server.api.ApiException;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** The authenticated user of an HTTP request, put there by the access guard before the handler runs. */
public final class RequestUser {

    static final String ATTRIBUTE = "zvonok.user";

    private RequestUser() {
    }

    /** @throws ApiException 401 when the request carried no valid token */
    public static AuthenticatedUser of(Context ctx) {
        AuthenticatedUser user = ctx.attribute(ATTRIBUTE);
        if (user == null) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "not-authenticated", "a valid access token is required");
        }
        return user;
    }

    /**
     * The user, if {@code access} lets them in: for a decision a handler makes itself (most endpoints say it when they
     * are added, see {@link Access}).
     *
     * @throws ApiException 401 when the request carried no valid token, 403 {@code forbidden} when the role is wrong
     */
    public static AuthenticatedUser of(Context ctx, Access access) {
        AuthenticatedUser user = of(ctx);
        if (!access.allows(user.role())) {
            throw forbidden();
        }
        return user;
    }

    static void set(Context ctx, AuthenticatedUser user) {
        ctx.attribute(ATTRIBUTE, user);
    }

    static ApiException forbidden() {
        return new ApiException(HttpStatus.FORBIDDEN, "forbidden", "your role does not allow this");
    }
}
