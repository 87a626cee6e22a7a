package dev.zvonok.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.zvonok.model.api.CallPage;
import dev.zvonok.model.api.TokenResponse;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.directory.Role;
import dev.zvonok.model.directory.UserView;
import dev.zvonok.server.db.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every answer the login screen and the history must tell apart, as the real server gives them. */
class ServerApiTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private RunningServer server;
    private ServerApi api;

    @BeforeEach
    void start() {
        // a fresh server each time: its failed-login throttle starts empty
        server = RunningServer.start(db);
        api = server.api();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void logsInWithTokensAndWhoLoggedIn() throws Exception {
        TokenResponse tokens = api.login("ivanov", RunningServer.PASSWORD);

        assertThat(tokens.accessToken()).isNotBlank();
        assertThat(tokens.refreshToken()).isNotBlank();
        assertThat(tokens.expiresIn()).isPositive();
        assertThat(tokens.user().login()).isEqualTo("ivanov");
        assertThat(tokens.user().role()).isEqualTo(Role.OPERATOR);
        assertThat(tokens.user().extensions()).containsExactly("777");

        UserView me = api.me(tokens.accessToken());
        assertThat(me.name()).isEqualTo("Иван Иванов");
    }

    @Test
    void aWrongPasswordAndAnUnknownLoginAreTheSameWrongCredentials() {
        assertThatThrownBy(() -> api.login("ivanov", "not-the-password"))
                .isInstanceOf(ServerException.WrongCredentials.class);
        assertThatThrownBy(() -> api.login("nobody", RunningServer.PASSWORD))
                .isInstanceOf(ServerException.WrongCredentials.class);
    }

    @Test
    void aDisabledAccountIsToldApart() {
        server.disable("petrov");

        assertThatThrownBy(() -> api.login("petrov", RunningServer.PASSWORD))
                .isInstanceOf(ServerException.AccountDisabled.class);
    }

    @Test
    void tooManyFailedLoginsAreRateLimitedWithTheWaitTheServerGives() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> api.login("sidorov", "guess")).isInstanceOf(ServerException.WrongCredentials.class);
        }

        assertThatThrownBy(() -> api.login("sidorov", RunningServer.PASSWORD))
                .isInstanceOfSatisfying(ServerException.TooManyAttempts.class, limited ->
                        assertThat(limited.retryAfter()).hasValueSatisfying(wait ->
                                assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(5))));
    }

    @Test
    void aClosedPortIsUnreachable() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        ServerApi nowhere = new ServerApi(new ServerAddress(URI.create("http://127.0.0.1:" + closed)),
                ServerApi.newHttpClient(), WireJson.mapper(), Duration.ofSeconds(5));

        assertThatThrownBy(() -> nowhere.login("ivanov", RunningServer.PASSWORD))
                .isInstanceOf(ServerException.Unreachable.class);
    }

    @Test
    void aServerThatAcceptsButNeverAnswersIsUnreachableAfterTheTimeout() throws IOException {
        server.proxy().freeze();
        ServerApi impatient = new ServerApi(server.address(), ServerApi.newHttpClient(), WireJson.mapper(),
                Duration.ofMillis(500));

        assertThatThrownBy(() -> impatient.login("ivanov", RunningServer.PASSWORD))
                .isInstanceOf(ServerException.Unreachable.class);
    }

    @Test
    void aRefreshUsesTheRefreshTokenUpAndAUsedOneMeansTheSessionIsOver() throws Exception {
        TokenResponse first = api.login("ivanov", RunningServer.PASSWORD);

        TokenResponse second = api.refresh(first.refreshToken());
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(api.me(second.accessToken()).login()).isEqualTo("ivanov");

        assertThatThrownBy(() -> api.refresh(first.refreshToken())).isInstanceOf(ServerException.SessionExpired.class);
        assertThatThrownBy(() -> api.refresh(second.refreshToken()))
                .as("a used token coming back revokes the whole session")
                .isInstanceOf(ServerException.SessionExpired.class);
    }

    @Test
    void aLogoutEndsTheSession() throws Exception {
        TokenResponse tokens = api.login("ivanov", RunningServer.PASSWORD);

        api.logout(tokens.refreshToken());

        assertThatThrownBy(() -> api.refresh(tokens.refreshToken())).isInstanceOf(ServerException.SessionExpired.class);
        api.logout(tokens.refreshToken()); // again: no error, the session is over either way
    }

    @Test
    void aRefreshForADisabledAccountIsRefused() throws Exception {
        TokenResponse tokens = api.login("petrov", RunningServer.PASSWORD);
        server.disable("petrov");

        assertThatThrownBy(() -> api.refresh(tokens.refreshToken()))
                .isInstanceOf(ServerException.AccountDisabled.class);
    }

    @Test
    void aBadAccessTokenIsRejectedSoThatARefreshCanHelp() {
        assertThatThrownBy(() -> api.me("not-a-token")).isInstanceOf(ServerException.AccessTokenRejected.class);
    }

    @Test
    void theHistoryListsTheOperatorsCallsWithFilters() throws Exception {
        String token = api.login("ivanov", RunningServer.PASSWORD).accessToken();
        server.play(RunningServer.IVANOV_ANSWERS);
        server.awaitRecordedEndedCalls(1);

        CallPage all = await().atMost(Duration.ofSeconds(30))
                .until(() -> api.calls(token, CallQuery.firstPage()), page -> page.data().size() == 1);
        assertThat(all.data().getFirst().disposition()).isEqualTo(CallDisposition.ANSWERED);
        assertThat(all.pagination().total()).isEqualTo(1);

        assertThat(api.calls(token, CallQuery.firstPage().status(CallDisposition.MISSED)).data()).isEmpty();
        OffsetDateTime started = all.data().getFirst().startedAt().atOffset(ZoneOffset.ofHours(3));
        assertThat(api.calls(token, CallQuery.firstPage().between(started.minusMinutes(1), started.plusMinutes(1)))
                .data()).hasSize(1);
        assertThat(api.calls(token, CallQuery.firstPage().between(started.plusMinutes(1), started.plusMinutes(2)))
                .data()).isEmpty();
        assertThat(api.calls(token, CallQuery.firstPage().number(all.data().getFirst().callerNumber())).data())
                .hasSize(1);
    }

    @Test
    void aRequestTheServerFindsWrongIsRefusedWithItsCode() throws Exception {
        String token = api.login("ivanov", RunningServer.PASSWORD).accessToken();

        assertThatThrownBy(() -> api.calls(token, CallQuery.firstPage().number("no digits")))
                .isInstanceOfSatisfying(ServerException.Refused.class, refused -> {
                    assertThat(refused.status()).isEqualTo(400);
                    assertThat(refused.code()).isEqualTo("bad-request");
                });
        assertThatThrownBy(() -> api.calls(token, CallQuery.firstPage().operator(9999L)))
                .isInstanceOfSatisfying(ServerException.Refused.class, refused ->
                        assertThat(refused.status()).isEqualTo(403));
    }
}
