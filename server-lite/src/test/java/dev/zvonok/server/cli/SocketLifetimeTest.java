package dev.zvonok.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.model.directory.Role;
import dev.zvonok.model.ws.ClientMessage;
import dev.zvonok.model.ws.ServerMessage;
import dev.zvonok.model.ws.ServerMessage.IncomingCall;
import dev.zvonok.server.auth.AuthSettings;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.directory.User;
import dev.zvonok.server.directory.UserDetails;
import dev.zvonok.server.pbx.AmiEndpoint;
import dev.zvonok.server.pbx.PbxReplay;
import dev.zvonok.server.pbx.PlaybackSpeed;
import dev.zvonok.server.pbx.TraceTimeline;
import jakarta.websocket.CloseReason;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A WebSocket lives only as long as a valid token: refreshed on the open socket, or closed; never a disabled user's. */
class SocketLifetimeTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final Duration SHORT_TOKENS = Duration.ofSeconds(3);

    private PbxReplay pbx;
    private LiveServer server;

    @BeforeEach
    void cleanDatabase() {
        db.clean();
        pbx = PbxReplay.start(AmiEndpoint.builder(), PlaybackSpeed.times(10));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        pbx.close();
    }

    private void start(AuthSettings auth) {
        server = LiveServer.start(db.settings(), pbx.endpoint(), auth);
    }

    private void startWithShortTokens() {
        start(AuthSettings.defaults().withTokenTtls(SHORT_TOKENS, Duration.ofDays(1)));
    }

    @Test
    void aClientThatPresentsNoFreshTokenIsClosedWhenItsTokenExpires() throws Exception {
        startWithShortTokens();
        try (OperatorClient ivanov = server.operator("ivanov")) {
            ServerMessage.Authenticated authenticated = ivanov.authenticated;
            assertThat(Duration.between(authenticated.serverTime(), authenticated.expiresAt()))
                    .isPositive().isLessThanOrEqualTo(SHORT_TOKENS);
            assertThat(ivanov.drainUntilPong()).as("open and answering meanwhile").isEmpty();

            CloseReason closed = ivanov.awaitClose();

            assertThat(Instant.now()).isAfterOrEqualTo(authenticated.expiresAt());
            assertThat(closed.getCloseCode()).isEqualTo(CloseReason.CloseCodes.VIOLATED_POLICY);
            assertThat(closed.getReasonPhrase()).isEqualTo("token expired");
            ServerMessage.Error told = ivanov.await(ServerMessage.Error.class);
            assertThat(told.code()).isEqualTo("not-authenticated");
            assertThat(told.message()).contains("refresh-session");
        }
    }

    @Test
    void freshTokensOnTheOpenSocketKeepItOpenForSeveralLifetimesAndCardsKeepComing() throws Exception {
        startWithShortTokens();
        try (OperatorClient ivanov = server.operator("ivanov")) {
            Instant opened = Instant.now();
            ServerMessage.Authenticated current = ivanov.authenticated;
            int renewals = 0;
            while (Duration.between(opened, Instant.now()).compareTo(SHORT_TOKENS.multipliedBy(3)) < 0) {
                // renew late, half the lifetime before the current token's end by the server's own clock: time
                // enough for a login on a busy machine (800 ms was not), and more than the second of exp's precision
                Duration left = Duration.between(current.serverTime(), current.expiresAt());
                Thread.sleep(Math.max(0, left.toMillis() - 1_500));
                String ref = "renew-" + (++renewals);
                ivanov.send(new ClientMessage.RefreshSession(ref,
                        OperatorClient.login(server.port(), "ivanov").accessToken()));
                ServerMessage.Authenticated renewed = ivanov.await(ServerMessage.Authenticated.class,
                        answer -> ref.equals(answer.ref()));
                assertThat(renewed.user().login()).isEqualTo("ivanov");
                assertThat(renewed.user().extensions()).containsExactly("777");
                assertThat(renewed.expiresAt()).isAfter(current.expiresAt());
                current = renewed;
            }

            assertThat(renewals).isGreaterThanOrEqualTo(3);
            assertThat(ivanov.drainUntilPong()).as("a renewal restores nothing: no active-calls, no error")
                    .isEmpty();
            play("01-inbound-answered-caller-hangup");
            assertThat(ivanov.await(IncomingCall.class).extension()).isEqualTo("777");
            assertThat(ivanov.isOpen()).isTrue();
        }
    }

    @Test
    void aBadTokenOrAnotherUsersDoesNotRenewAndTheSocketGoesOnUntilItsEnd() throws Exception {
        startWithShortTokens();
        try (OperatorClient ivanov = server.operator("ivanov")) {
            ivanov.send(new ClientMessage.RefreshSession("garbage", "not.a.token"));
            ServerMessage.Error bad = ivanov.await(ServerMessage.Error.class);
            assertThat(bad.code()).isEqualTo("not-authenticated");
            assertThat(bad.ref()).isEqualTo("garbage");

            ivanov.send(new ClientMessage.RefreshSession("petrov",
                    OperatorClient.login(server.port(), "petrov").accessToken()));
            ServerMessage.Error others = ivanov.await(ServerMessage.Error.class);
            assertThat(others.code()).isEqualTo("forbidden");
            assertThat(others.ref()).isEqualTo("petrov");
            assertThat(ivanov.drainUntilPong()).isEmpty();

            assertThat(ivanov.awaitClose().getReasonPhrase()).as("the old token's end still holds")
                    .isEqualTo("token expired");
        }
    }

    @Test
    void aDisabledUsersSocketsCloseAtOnceAndTheirTokensAreRefused() throws Exception {
        start(AuthSettings.defaults());
        try (OperatorClient desk = server.operator("ivanov");
             OperatorClient laptop = server.operator("ivanov");
             OperatorClient petrov = server.operator("petrov")) {
            String token = OperatorClient.login(server.port(), "ivanov").accessToken();
            assertThat(get("/api/me", token).statusCode()).isEqualTo(200); // the verifier now remembers him active

            Instant disabled = Instant.now();
            setActive("ivanov", false);

            for (OperatorClient socket : List.of(desk, laptop)) {
                CloseReason closed = socket.awaitClose();
                assertThat(closed.getCloseCode()).isEqualTo(CloseReason.CloseCodes.VIOLATED_POLICY);
                assertThat(closed.getReasonPhrase()).isEqualTo("account disabled");
            }
            assertThat(Duration.between(disabled, Instant.now()))
                    .as("at once, not when the verifier's 10 s memory of him runs out")
                    .isLessThan(Duration.ofSeconds(5));
            assertThat(get("/api/me", token).statusCode()).isEqualTo(401);
            assertThat(petrov.drainUntilPong()).as("nobody else is touched").isEmpty();
        }
    }

    @Test
    void aSupervisorDemotedToOperatorStopsWatchingEveryCall() throws Exception {
        start(AuthSettings.defaults());
        try (OperatorClient supervisor = server.operator("supervisor")) {
            supervisor.send(new ClientMessage.SubscribeAllCalls("all"));
            supervisor.await(ServerMessage.Subscribed.class);

            User user = server.server.users().findByLogin("supervisor").orElseThrow();
            server.server.users().update(user.id(),
                    new UserDetails(user.login(), user.displayName(), Role.OPERATOR, user.city(), true));

            ServerMessage.Error told = supervisor.await(ServerMessage.Error.class);
            assertThat(told.code()).isEqualTo("forbidden");
            assertThat(told.message()).contains("no longer");
            try (OperatorClient ivanov = server.operator("ivanov")) {
                play("01-inbound-answered-caller-hangup");
                ivanov.await(ServerMessage.CallEnded.class);

                assertThat(supervisor.drainUntilPong()).noneMatch(IncomingCall.class::isInstance);
                assertThat(supervisor.isOpen()).isTrue();
            }
        }
    }

    private void setActive(String login, boolean active) {
        User user = server.server.users().findByLogin(login).orElseThrow();
        server.server.users().update(user.id(),
                new UserDetails(user.login(), user.displayName(), user.role(), user.city(), active));
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void play(String trace) {
        pbx.player().schedule(TraceTimeline.loadResource("/ami-traces/" + trace + ".ami").events(), Duration.ZERO);
    }
}
