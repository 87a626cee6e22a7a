package dev.zvonok.app.login;

import static dev.zvonok.server.db.schema.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zvonok.app.server.RunningServer;
import dev.zvonok.app.testing.RestClient;
import dev.zvonok.model.directory.Role;
import dev.zvonok.server.db.TestDatabase;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The login screen's view-model against the real server: every answer it gives reads as the right failure. */
class LoginAgainstServerTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static RunningServer server;

    @BeforeAll
    static void start() {
        server = RunningServer.start(db);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private LoginViewModel attempt(URI address, String login, String password) {
        LoginViewModel vm = new LoginViewModel(new RestClient(), Runnable::run, address);
        vm.loginProperty().set(login);
        vm.passwordProperty().set(password);
        vm.submit();
        await().atMost(Duration.ofSeconds(20)).until(() -> !vm.busyProperty().get());
        return vm;
    }

    private static LoginFailure failureOf(LoginViewModel vm) {
        assertThat(vm.messageProperty().get()).isInstanceOf(LoginMessage.Failed.class);
        return ((LoginMessage.Failed) vm.messageProperty().get()).failure();
    }

    @Test
    void theRightPasswordLogsIn() {
        LoginViewModel vm = attempt(server.address().base(), "ivanov", RunningServer.PASSWORD);

        assertThat(vm.stateProperty().get()).isEqualTo(LoginState.LOGGED_IN);
        assertThat(vm.loggedInProperty().get().server()).isEqualTo(server.address().base());
        assertThat(vm.loggedInProperty().get().user()).satisfies(user -> {
            assertThat(user.name()).isEqualTo("Иван Иванов");
            assertThat(user.role()).isEqualTo(Role.OPERATOR);
            assertThat(user.extensions()).contains("777");
        });
    }

    @Test
    void aWrongPasswordIsWrongCredentials() {
        assertThat(failureOf(attempt(server.address().base(), "petrov", "not-the-password")))
                .isInstanceOf(LoginFailure.WrongCredentials.class);
    }

    @Test
    void aDisabledAccountIsSaidAsSuch() {
        db.dsl().update(USERS).set(USERS.ACTIVE, false).where(USERS.LOGIN.eq("supervisor")).execute();
        try {
            assertThat(failureOf(attempt(server.address().base(), "supervisor", RunningServer.PASSWORD)))
                    .isInstanceOf(LoginFailure.AccountDisabled.class);
        } finally {
            db.dsl().update(USERS).set(USERS.ACTIVE, true).where(USERS.LOGIN.eq("supervisor")).execute();
        }
    }

    @Test
    void afterFiveWrongPasswordsTheServerAsksToWait() {
        for (int i = 0; i < 5; i++) {
            assertThat(failureOf(attempt(server.address().base(), "sidorov", "guess-" + i)))
                    .isInstanceOf(LoginFailure.WrongCredentials.class);
        }

        LoginFailure sixth = failureOf(attempt(server.address().base(), "sidorov", RunningServer.PASSWORD));

        assertThat(sixth).isInstanceOfSatisfying(LoginFailure.TooManyAttempts.class,
                tooMany -> assertThat(tooMany.retryAfter()).hasValueSatisfying(
                        wait -> assertThat(wait).isPositive()));
    }

    @Test
    void aPortNobodyListensOnIsAnUnreachableServer() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        assertThat(failureOf(attempt(URI.create("http://127.0.0.1:" + closedPort), "ivanov", "demo")))
                .isInstanceOf(LoginFailure.ServerUnreachable.class);
    }
}
