package dev.zvonok.app.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.app.login.LoginMessage.Field;
import dev.zvonok.model.directory.Role;
import dev.zvonok.model.directory.UserView;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class LoginViewModelTest {

    private static final URI SERVER = URI.create("http://pbx-crm.local:3771");
    private static final UserView IVANOV = new UserView(1, "ivanov", "Иван Иванов", Role.OPERATOR, List.of("777"));

    /** Each login attempt, answered when the test says so. */
    private record Attempt(URI server, String login, String password, CompletableFuture<UserView> answer) {
    }

    private final List<Attempt> attempts = new ArrayList<>();
    private final Authenticator authenticator = (server, login, password) -> {
        Attempt attempt = new Attempt(server, login, password, new CompletableFuture<>());
        attempts.add(attempt);
        return attempt.answer();
    };
    private final LoginViewModel vm = new LoginViewModel(authenticator, Runnable::run, SERVER);

    private void fillIn(String login, String password) {
        vm.loginProperty().set(login);
        vm.passwordProperty().set(password);
    }

    @Test
    void theLastServerIsFilledInAndNothingIsSaidYet() {
        assertThat(vm.serverProperty().get()).isEqualTo("http://pbx-crm.local:3771");
        assertThat(vm.stateProperty().get()).isEqualTo(LoginState.EDITING);
        assertThat(vm.messageProperty().get()).isNull();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(new LoginViewModel(authenticator, Runnable::run, null).serverProperty().get()).isEmpty();
    }

    @Test
    void aLoginIsBusyUntilTheServerAnswersThenLoggedIn() {
        fillIn("  ivanov ", "demo");

        vm.submit();

        assertThat(vm.stateProperty().get()).isEqualTo(LoginState.LOGGING_IN);
        assertThat(vm.busyProperty().get()).isTrue();
        assertThat(attempts).singleElement().satisfies(a -> {
            assertThat(a.server()).isEqualTo(SERVER);
            assertThat(a.login()).isEqualTo("ivanov");
            assertThat(a.password()).isEqualTo("demo");
        });

        vm.submit(); // Enter pressed again while waiting
        assertThat(attempts).as("one attempt at a time").hasSize(1);

        attempts.getFirst().answer().complete(IVANOV);

        assertThat(vm.stateProperty().get()).isEqualTo(LoginState.LOGGED_IN);
        assertThat(vm.loggedInProperty().get()).isEqualTo(new LoggedIn(SERVER, IVANOV));
        assertThat(vm.passwordProperty().get()).as("not kept once used").isEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void anAddressWithoutSchemeIsUsedAsHttp() {
        vm.serverProperty().set("10.0.0.5:3771");
        fillIn("ivanov", "demo");

        vm.submit();

        assertThat(attempts.getFirst().server()).isEqualTo(URI.create("http://10.0.0.5:3771"));
    }

    @Test
    void missingFieldsAreSaidOneAtATimeAndNothingIsSent() {
        vm.serverProperty().set("ftp://nowhere");
        fillIn("ivanov", "demo");
        vm.submit();
        assertThat(vm.messageProperty().get()).isEqualTo(new LoginMessage.Invalid(Field.SERVER));

        vm.serverProperty().set("pbx-crm.local:3771");
        fillIn(" ", "demo");
        vm.submit();
        assertThat(vm.messageProperty().get()).isEqualTo(new LoginMessage.Invalid(Field.LOGIN));

        fillIn("ivanov", "");
        vm.submit();
        assertThat(vm.messageProperty().get()).isEqualTo(new LoginMessage.Invalid(Field.PASSWORD));

        assertThat(attempts).isEmpty();
        assertThat(vm.stateProperty().get()).isEqualTo(LoginState.EDITING);
    }

    @Test
    void aWrongPasswordIsSaidAndMustBeTypedAgain() {
        LoginFailure failure = failWith(new LoginFailure.WrongCredentials());

        assertThat(failure).isInstanceOf(LoginFailure.WrongCredentials.class);
        assertThat(vm.passwordProperty().get()).isEmpty();
        assertThat(vm.loginProperty().get()).as("the login stays").isEqualTo("ivanov");
    }

    @Test
    void aDisabledAccountIsSaid() {
        assertThat(failWith(new LoginFailure.AccountDisabled())).isInstanceOf(LoginFailure.AccountDisabled.class);
        assertThat(vm.passwordProperty().get()).as("the password was right: no need to type it again")
                .isEqualTo("demo");
    }

    @Test
    void tooManyAttemptsIsSaidWithTheWait() {
        LoginFailure failure = failWith(new LoginFailure.TooManyAttempts(Duration.ofSeconds(120)));

        assertThat(((LoginFailure.TooManyAttempts) failure).retryAfter()).contains(Duration.ofSeconds(120));
    }

    @Test
    void anUnreachableServerIsSaidWhateverWrapsTheIoError() {
        assertThat(failWith(new CompletionException(new ConnectException("Connection refused"))))
                .isInstanceOf(LoginFailure.ServerUnreachable.class);
    }

    @Test
    void aServerErrorIsSaid() {
        assertThat(failWith(new LoginFailure.ServerError(500, "internal")))
                .isInstanceOfSatisfying(LoginFailure.ServerError.class, e -> assertThat(e.status()).isEqualTo(500));
    }

    @Test
    void anAuthenticatorThatThrowsIsAFailureNotACrash() {
        LoginViewModel throwing = new LoginViewModel((s, l, p) -> {
            throw new IllegalStateException("not connected");
        }, Runnable::run, SERVER);
        throwing.loginProperty().set("ivanov");
        throwing.passwordProperty().set("demo");

        throwing.submit();

        assertThat(throwing.messageProperty().get()).isInstanceOfSatisfying(LoginMessage.Failed.class,
                failed -> assertThat(failed.failure()).isInstanceOf(LoginFailure.ServerError.class));
        assertThat(throwing.stateProperty().get()).isEqualTo(LoginState.EDITING);
    }

    @Test
    void aNewAttemptClearsTheLastMessage() {
        failWith(new LoginFailure.WrongCredentials());
        vm.passwordProperty().set("demo");

        vm.submit();

        assertThat(vm.messageProperty().get()).isNull();
    }

    @Test
    void resumingShowsItselfThenLogsIn() {
        CompletableFuture<UserView> resume = new CompletableFuture<>();
        URI other = URI.create("http://other:3771");

        vm.resume(other, resume);

        assertThat(vm.stateProperty().get()).isEqualTo(LoginState.RESUMING);
        assertThat(vm.busyProperty().get()).isTrue();
        resume.complete(IVANOV);
        assertThat(vm.loggedInProperty().get()).isEqualTo(new LoggedIn(other, IVANOV));
    }

    @Test
    void aRefusedResumeAsksToLogInAgainAnUnreachableServerSaysSo() {
        vm.resume(SERVER, CompletableFuture.failedFuture(new LoginFailure.WrongCredentials()));
        assertThat(vm.stateProperty().get()).isEqualTo(LoginState.EDITING);
        assertThat(vm.messageProperty().get()).isEqualTo(new LoginMessage.SessionEnded());

        vm.resume(SERVER, CompletableFuture.failedFuture(new IOException("no route to host")));
        assertThat(vm.messageProperty().get()).isInstanceOfSatisfying(LoginMessage.Failed.class,
                failed -> assertThat(failed.failure()).isInstanceOf(LoginFailure.ServerUnreachable.class));
    }

    @Test
    void answersAreAppliedThroughTheFxExecutor() {
        List<Runnable> fxQueue = new ArrayList<>();
        LoginViewModel queued = new LoginViewModel(authenticator, fxQueue::add, SERVER);
        queued.loginProperty().set("ivanov");
        queued.passwordProperty().set("demo");
        queued.submit();

        attempts.getFirst().answer().complete(IVANOV);
        assertThat(queued.stateProperty().get()).as("not before the FX thread runs it")
                .isEqualTo(LoginState.LOGGING_IN);

        fxQueue.forEach(Runnable::run);
        assertThat(queued.stateProperty().get()).isEqualTo(LoginState.LOGGED_IN);
    }

    private LoginFailure failWith(Throwable failure) {
        fillIn("ivanov", "demo");
        vm.submit();
        attempts.getLast().answer().completeExceptionally(failure);
        assertThat(vm.stateProperty().get()).isEqualTo(LoginState.EDITING);
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.loggedInProperty().get()).isNull();
        assertThat(vm.messageProperty().get()).isInstanceOf(LoginMessage.Failed.class);
        return ((LoginMessage.Failed) vm.messageProperty().get()).failure();
    }
}
