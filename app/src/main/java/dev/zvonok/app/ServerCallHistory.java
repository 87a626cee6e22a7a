package dev.zvonok.app;

import dev.zvonok.app.history.CallDetailsSource;
import dev.zvonok.app.history.CallHistorySource;
import dev.zvonok.app.history.HistoryQuery;
import dev.zvonok.app.history.NoSuchCall;
import dev.zvonok.app.server.CallQuery;
import dev.zvonok.app.server.ServerException;
import dev.zvonok.app.server.Sessions;
import dev.zvonok.model.api.CallDetails;
import dev.zvonok.model.api.CallPage;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The history screens' {@link CallHistorySource} and {@link CallDetailsSource}: {@code GET /api/calls} and
 * {@code GET /api/calls/{id}} through the session, off the FX thread.
 */
public final class ServerCallHistory implements CallHistorySource, CallDetailsSource {

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
        return ask(() -> sessions.calls(asked), null);
    }

    @Override
    public CompletableFuture<CallDetails> call(String callId) {
        return ask(() -> sessions.callDetails(callId), callId);
    }

    private interface Request<T> {
        T send() throws ServerException, InterruptedException;
    }

    /** @param callId the one call asked for, whose 404 is {@link NoSuchCall}; null for a list */
    private <T> CompletableFuture<T> ask(Request<T> request, String callId) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return request.send();
            } catch (ServerException.Unreachable e) {
                // the screens tell "no answer" (retry later) from "refused" by an IOException
                throw new CompletionException(new IOException(e.getMessage(), e));
            } catch (ServerException.Refused e) {
                throw new CompletionException(callId != null && e.status() == 404 ? new NoSuchCall(callId) : e);
            } catch (ServerException e) {
                throw new CompletionException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        }, background);
    }
}
