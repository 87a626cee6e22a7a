package dev.zvonok.app;

import dev.zvonok.app.history.CallHistorySource;
import dev.zvonok.app.history.HistoryQuery;
import dev.zvonok.app.server.CallQuery;
import dev.zvonok.app.server.ServerException;
import dev.zvonok.app.server.Sessions;
import dev.zvonok.model.api.CallPage;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/** The history screens' {@link CallHistorySource}: {@code GET /api/calls} through the session, off the FX thread. */
public final class ServerCallHistory implements CallHistorySource {

    private final Sessions sessions;
    private final Executor background;

    public ServerCallHistory(Sessions sessions, Executor background) {
        this.sessions = sessions;
        this.background = background;
    }

    @Override
    public CompletableFuture<CallPage> calls(HistoryQuery query) {
        CallQuery asked = new CallQuery(query.page(), query.limit(), query.dateFrom(), query.dateTo(), query.status(),
                null, query.number(), query.operatorId(), query.reached());
        return CompletableFuture.supplyAsync(() -> {
            try {
                return sessions.calls(asked);
            } catch (ServerException.Unreachable e) {
                // the screens tell "no answer" (retry later) from "refused" by an IOException
                throw new CompletionException(new IOException(e.getMessage(), e));
            } catch (ServerException e) {
                throw new CompletionException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        }, background);
    }
}
