package dev.zvonok.app.history;

import dev.zvonok.model.api.CallDetails;
import java.util.concurrent.CompletableFuture;

/**
 * One call in full ({@code GET /api/calls/{id}}), for its details window; implemented by the app's REST client with
 * the logged-in operator's token. The future completes off the FX thread; it fails with {@link NoSuchCall} when the
 * server knows no such call for this operator, with an {@link java.io.IOException} when the server cannot be reached.
 */
@FunctionalInterface
public interface CallDetailsSource {

    CompletableFuture<CallDetails> call(String callId);
}
