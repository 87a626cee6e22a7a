package dev.zvonok.server.api;

import io.javalin.http.Context;

/**
 * Whether a request outside {@code /api} (the monitoring endpoints) carries a valid access token of an admin
 * ({@code Authorization: Bearer}). The auth feature provides it; these endpoints only ask.
 */
@FunctionalInterface
public interface AdminCheck {

    boolean isAdmin(Context ctx);

    /** Nobody is an admin: for servers built without authentication. */
    AdminCheck NOBODY = ctx -> false;
}
