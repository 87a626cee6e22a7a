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

    static void set(Context ctx, AuthenticatedUser user) {
        ctx.attribute(ATTRIBUTE, user);
    }
}
