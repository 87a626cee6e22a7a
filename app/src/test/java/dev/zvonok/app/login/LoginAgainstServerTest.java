package dev.zvonok.app.login;

import static dev.zvonok.server.db.schema.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zvonok.app.ServerAuthenticator;
import dev.zvonok.app.server.RunningServer;
import dev.zvonok.app.server.Sessions;
import dev.zvonok.model.directory.Role;
import dev.zvonok.server.db.TestDatabase;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The login screen's view-model with the app's own {@link ServerAuthenticator} against the real server: every answer
 * it gives reads as the right failure.
 */
class LoginAgainstServerTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static RunningServer server;

    @TempDir
    Path dataDirectory;
    private Sessions sessions;

    @BeforeAll
    static void start() {
        server = RunningServer.start(db);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void closeSessions() {
        if (sessions != null) {
            sessions.close();
        }
    }

    private LoginViewModel attempt(URI address, String login, String password) {
        sessions = RunningServer.newSessions(dataDirectory);
        LoginViewModel vm = new LoginViewModel(new ServerAuthenticator(sessions, Runnable::run), Runnable::run,
                address);
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
        assertThat(sessions.current()).as("the session the rest of the app talks through").hasValueSatisfying(
                session -> assertThat(session.user()).isEqualTo(vm.loggedInProperty().get().user()));
    }

    @Test
    void aWrongPasswordIsWrongCredentials() {
        assertThat(failureOf(attempt(server.address().base(), "petrov", "not-the-password")))
                .isInstanceOf(LoginFailure.WrongCredentials.class);
        assertThat(sessions.current()).isEmpty();
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
