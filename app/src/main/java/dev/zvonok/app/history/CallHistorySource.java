package dev.zvonok.app.history;

import dev.zvonok.model.api.CallPage;
import java.util.concurrent.CompletableFuture;

/**
 * One page of the call history ({@code GET /api/calls} with {@link HistoryQuery#parameters()}); implemented by the
 * app's REST client with the logged-in operator's token. The future completes off the FX thread.
 */
@FunctionalInterface
public interface CallHistorySource {

    CompletableFuture<CallPage> calls(HistoryQuery query);
}
