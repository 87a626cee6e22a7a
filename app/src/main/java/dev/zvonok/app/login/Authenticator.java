package dev.zvonok.app.login;

import dev.zvonok.model.directory.UserView;
import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * Logs an operator in to a server ({@code POST /api/auth/login}); implemented by the app's REST client, which keeps
 * the tokens. The future completes off the FX thread; a refusal fails it with a {@link LoginFailure}.
 */
@FunctionalInterface
public interface Authenticator {

    /** @param server the server's base address, e.g. {@code http://pbx-crm.local:3771} */
    CompletableFuture<UserView> login(URI server, String login, String password);
}
