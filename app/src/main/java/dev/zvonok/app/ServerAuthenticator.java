package dev.zvonok.app;

import dev.zvonok.app.login.Authenticator;
import dev.zvonok.app.login.LoginFailure;
import dev.zvonok.app.server.ServerAddress;
import dev.zvonok.app.server.ServerException;
import dev.zvonok.app.server.Sessions;
import dev.zvonok.model.directory.UserView;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/** The login screen's {@link Authenticator}: {@link Sessions#login} off the FX thread, its refusals in the screen's words. */
public final class ServerAuthenticator implements Authenticator {

    private final Sessions sessions;
    private final Executor background;

    public ServerAuthenticator(Sessions sessions, Executor background) {
        this.sessions = sessions;
        this.background = background;
    }

    @Override
    public CompletableFuture<UserView> login(URI server, String login, String password) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return sessions.login(new ServerAddress(server), login, password).user();
            } catch (ServerException e) {
                throw new CompletionException(failure(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(new LoginFailure.ServerUnreachable(e));
            }
        }, background);
    }

    static LoginFailure failure(ServerException refused) {
        return switch (refused) {
            case ServerException.WrongCredentials e -> new LoginFailure.WrongCredentials();
            case ServerException.AccountDisabled e -> new LoginFailure.AccountDisabled();
            case ServerException.TooManyAttempts e -> new LoginFailure.TooManyAttempts(e.retryAfter().orElse(null));
            case ServerException.Unreachable e -> new LoginFailure.ServerUnreachable(e);
            case ServerException.Untrusted e -> new LoginFailure.ServerNotTrusted(e);
            case ServerException.ServerError e -> new LoginFailure.ServerError(e.status(), e.getMessage());
            case ServerException.Refused e -> new LoginFailure.ServerError(e.status(), e.getMessage());
            case ServerException.SessionExpired e -> new LoginFailure.WrongCredentials();
            case ServerException.AccessTokenRejected e -> new LoginFailure.WrongCredentials();
        };
    }
}
