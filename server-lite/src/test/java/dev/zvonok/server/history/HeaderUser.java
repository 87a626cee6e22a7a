package dev.zvonok.server.history;

import dev.zvonok.server.api.Routes;
import dev.zvonok.server.auth.AuthenticatedUser;
import dev.zvonok.server.auth.RequestUser;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.Function;

/**
 * Test-only stand-in for the access guard: the request's user is whoever the {@value #HEADER} header names (a login),
 * no token involved. It puts the user where the guard will, through {@link RequestUser}'s own (package-private) setter,
 * so that handlers read it with {@link RequestUser#of} exactly as in production. No header: no user (401).
 */
final class HeaderUser implements Routes {

    static final String HEADER = "X-Test-User";

    private static final Method SET;

    static {
        try {
            SET = RequestUser.class.getDeclaredMethod("set", Context.class, AuthenticatedUser.class);
            SET.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError("RequestUser.set(Context, AuthenticatedUser) is gone: " + e);
        }
    }

    private final Function<String, AuthenticatedUser> byLogin;

    HeaderUser(Function<String, AuthenticatedUser> byLogin) {
        this.byLogin = byLogin;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.before(ctx -> {
            String login = ctx.header(HEADER);
            if (login != null) {
                set(ctx, byLogin.apply(login));
            }
        });
    }

    private static void set(Context ctx, AuthenticatedUser user) {
        try {
            SET.invoke(null, ctx, user);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }
}
