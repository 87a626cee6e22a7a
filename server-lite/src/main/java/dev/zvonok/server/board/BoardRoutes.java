package dev.zvonok.server.board;

import dev.zvonok.server.api.Routes;
import dev.zvonok.server.auth.Access;
import dev.zvonok.server.auth.AuthenticatedUser;
import dev.zvonok.server.auth.RequestUser;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code GET /api/board}: the board as the supervisor or admin asking may see it; operators get 403. */
public final class BoardRoutes implements Routes {

    private final Board board;

    public BoardRoutes(Board board) {
        this.board = board;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/board", this::snapshot, Access.SUPERVISOR);
    }

    private void snapshot(Context ctx) {
        AuthenticatedUser user = RequestUser.of(ctx, Access.SUPERVISOR);
        ctx.json(board.snapshot(user.id(), user.role()));
    }
}
