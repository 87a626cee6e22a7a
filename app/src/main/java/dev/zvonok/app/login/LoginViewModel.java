package dev.zvonok.app.login;

import dev.zvonok.app.login.LoginMessage.Field;
import dev.zvonok.app.settings.ServerAddress;
import dev.zvonok.model.directory.UserView;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The login screen: server address (prefilled with the last one used), login and password; one attempt at a time.
 * The outcome is {@link #loggedInProperty()}: the app remembers its server and opens the main window.
 */
public final class LoginViewModel {

    private final Authenticator authenticator;
    private final Executor fxThread;

    private final StringProperty server = new SimpleStringProperty(this, "server", "");
    private final StringProperty login = new SimpleStringProperty(this, "login", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyObjectWrapper<LoginState> state =
            new ReadOnlyObjectWrapper<>(this, "state", LoginState.EDITING);
    private final ReadOnlyObjectWrapper<LoginMessage> message = new ReadOnlyObjectWrapper<>(this, "message");
    private final ReadOnlyObjectWrapper<LoggedIn> loggedIn = new ReadOnlyObjectWrapper<>(this, "loggedIn");
    private final BooleanBinding busy;

    /**
     * @param fxThread   where the answer is applied: {@code FxThread} in the app, {@code Runnable::run} in tests
     * @param lastServer the server of the last login (from Settings), or null
     */
    public LoginViewModel(Authenticator authenticator, Executor fxThread, URI lastServer) {
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
        server.set(ServerAddress.display(lastServer));
        busy = Bindings.createBooleanBinding(() -> state.get().busy(), state);
    }

    /** Sends the form, unless a field is missing or an attempt is under way (Enter may come twice). */
    public void submit() {
        if (busy.get() || state.get() == LoginState.LOGGED_IN) {
            return;
        }
        Optional<URI> address = ServerAddress.parse(server.get());
        Field missing = address.isEmpty() ? Field.SERVER
                : blank(login.get()) ? Field.LOGIN
                : blank(password.get()) ? Field.PASSWORD
                : null;
        if (missing != null) {
            message.set(new LoginMessage.Invalid(missing));
            return;
        }
        URI target = address.get();
        message.set(null);
        state.set(LoginState.LOGGING_IN);
        attempt(() -> authenticator.login(target, login.get().strip(), password.get()))
                .whenComplete((user, failure) -> fxThread.execute(() -> {
                    if (failure == null) {
                        succeeded(target, user);
                    } else {
                        LoginFailure why = LoginFailure.of(failure);
                        if (why instanceof LoginFailure.WrongCredentials) {
                            password.set(""); // typed again anyway; never left in memory longer than needed
                        }
                        message.set(new LoginMessage.Failed(why));
                        state.set(LoginState.EDITING);
                    }
                }));
    }

    /**
     * Shows "resuming…" while the app restores the last session (its own logic, elsewhere); on failure the form
     * appears with why: an unreachable server as such, any refusal as "log in again".
     */
    public void resume(URI server, CompletableFuture<UserView> attempt) {
        Objects.requireNonNull(attempt, "attempt");
        this.server.set(ServerAddress.display(server));
        message.set(null);
        state.set(LoginState.RESUMING);
        attempt.whenComplete((user, failure) -> fxThread.execute(() -> {
            if (failure == null) {
                succeeded(server, user);
            } else {
                LoginFailure why = LoginFailure.of(failure);
                message.set(why instanceof LoginFailure.ServerUnreachable
                        || why instanceof LoginFailure.ServerNotTrusted
                        ? new LoginMessage.Failed(why) : new LoginMessage.SessionEnded());
                state.set(LoginState.EDITING);
            }
        }));
    }

    /** Back to the form after a logout or a refused session: the password is asked for again. */
    public void reset(LoginMessage why) {
        password.set("");
        loggedIn.set(null);
        message.set(why);
        state.set(LoginState.EDITING);
    }

    private void succeeded(URI target, UserView user) {
        password.set("");
        message.set(null);
        state.set(LoginState.LOGGED_IN);
        loggedIn.set(new LoggedIn(target, user));
    }

    /** An authenticator that throws instead of returning a failed future is treated the same way. */
    private static CompletableFuture<UserView> attempt(Supplier<CompletableFuture<UserView>> call) {
        try {
            return Objects.requireNonNull(call.get(), "the authenticator returned no future");
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    public StringProperty serverProperty() {
        return server;
    }

    public StringProperty loginProperty() {
        return login;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyObjectProperty<LoginState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** True while an attempt or a resume runs: the form is disabled and a spinner turns. */
    public BooleanBinding busyProperty() {
        return busy;
    }

    /** What to tell the operator; null for nothing. */
    public ReadOnlyObjectProperty<LoginMessage> messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Set once the operator is in; null until then. */
    public ReadOnlyObjectProperty<LoggedIn> loggedInProperty() {
        return loggedIn.getReadOnlyProperty();
    }
}
