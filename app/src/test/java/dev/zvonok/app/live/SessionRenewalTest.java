package dev.zvonok.app.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zvonok.app.server.AccessTokenSource;
import dev.zvonok.app.server.RefreshPolicy;
import dev.zvonok.app.server.RunningServer;
import dev.zvonok.app.server.ServerApi;
import dev.zvonok.app.server.ServerException;
import dev.zvonok.app.server.SessionStore;
import dev.zvonok.app.server.Sessions;
import dev.zvonok.app.server.WireJson;
import dev.zvonok.model.ws.ClientMessage;
import dev.zvonok.model.ws.ServerMessage;
import dev.zvonok.model.ws.ServerMessage.ActiveCalls;
import dev.zvonok.model.ws.ServerMessage.Authenticated;
import dev.zvonok.model.ws.ServerMessage.IncomingCall;
import dev.zvonok.server.db.TestDatabase;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.tyrus.client.ClientManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server closes a socket whose token expired; the live connection keeps its socket anyway by presenting fresh
 * tokens on it, so the operator never sees a reconnect. Against the real server with 3-second tokens.
 */
class SessionRenewalTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final Duration LIFETIME = Duration.ofSeconds(3);

    @TempDir
    Path dataDirectory;

    private RunningServer server;
    private Sessions sessions;
    private LiveConnection live;
    private final LiveEvents events = new LiveEvents();

    @BeforeEach
    void start() throws Exception {
        server = RunningServer.startWithTokenLifetime(db, LIFETIME);
        sessions = new Sessions(new SessionStore(dataDirectory, WireJson.mapper()),
                address -> new ServerApi(address, ServerApi.newHttpClient(), WireJson.mapper(), Duration.ofSeconds(5)),
                RefreshPolicy.defaults(), Clock.systemUTC());
        sessions.login(server.address(), "ivanov", RunningServer.PASSWORD);
    }

    @AfterEach
    void stop() {
        if (live != null) {
            live.close();
        }
        sessions.close();
        server.close();
    }

    private void connect(AccessTokenSource tokens) {
        live = new LiveConnection(server.address().webSocket(), tokens, LiveConnectionTest.QUICK, WireJson.mapper());
        live.addListener(events);
        live.start();
    }

    /** Waits until the socket has been open for more than three token lifetimes. */
    private void outliveThreeTokens() {
        Instant connected = Instant.now();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                Duration.between(connected, Instant.now()).compareTo(LIFETIME.multipliedBy(3).plusSeconds(1)) > 0);
    }

    @Test
    void theOpenSocketGetsFreshTokensAndLivesOnUnnoticedAndACardStillComes() {
        connect(sessions);
        events.awaitState(ConnectionState.Connected.class);
        Authenticated first = events.await(Authenticated.class);
        assertThat(Duration.between(first.serverTime(), first.expiresAt())).isLessThanOrEqualTo(LIFETIME);

        outliveThreeTokens();

        List<Authenticated> answers = events.awaitCount(Authenticated.class, 4);
        assertThat(answers).as("renewed on the open socket, each until later")
                .allSatisfy(answer -> assertThat(answer.user().login()).isEqualTo("ivanov"))
                .extracting(Authenticated::expiresAt).isSorted().doesNotHaveDuplicates();
        assertThat(answers.getLast().expiresAt()).isAfter(first.expiresAt().plus(LIFETIME.multipliedBy(2)));
        assertThat(events.states).as("never reconnecting").containsExactly(new ConnectionState.Connecting(),
                new ConnectionState.Connected());
        assertThat(events.count(ActiveCalls.class)).as("nothing restored: nothing was lost").isEqualTo(1);
        assertThat(events.messages).noneMatch(ServerMessage.Error.class::isInstance);

        server.play(RunningServer.IVANOV_ANSWERS);
        assertThat(events.await(IncomingCall.class).extension()).isEqualTo("777");
        assertThat(live.state()).isInstanceOf(ConnectionState.Connected.class);
    }

    @Test
    void aFreshTokenTheServerRefusesIsRenewedOnceMore() {
        AtomicInteger handedOut = new AtomicInteger();
        AtomicInteger renewed = new AtomicInteger();
        AccessTokenSource firstRenewalBad = new AccessTokenSource() {
            @Override
            public String accessToken() throws ServerException, InterruptedException {
                // the dial gets a good one, the first renewal a token the server cannot read
                return handedOut.incrementAndGet() == 2 ? "a.token.the-server-refuses" : sessions.accessToken();
            }

            @Override
            public String renewAccessToken(String rejected) throws ServerException, InterruptedException {
                renewed.incrementAndGet();
                return sessions.renewAccessToken(sessions.current().orElseThrow().accessToken());
            }
        };
        connect(firstRenewalBad);
        events.awaitState(ConnectionState.Connected.class);

        outliveThreeTokens();

        ServerMessage.Error refused = events.await(ServerMessage.Error.class);
        assertThat(refused.code()).isEqualTo("not-authenticated");
        assertThat(renewed.get()).isPositive();
        assertThat(events.states).containsExactly(new ConnectionState.Connecting(), new ConnectionState.Connected());
        assertThat(events.count(ActiveCalls.class)).isEqualTo(1);
    }

    @Test
    void aClientThatPresentsNoFreshTokenIsClosedWith1008() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        CompletableFuture<CloseReason> closed = new CompletableFuture<>();
        Session socket = ClientManager.createClient().connectToServer(new Endpoint() {
            @Override
            public void onOpen(Session opened, EndpointConfig config) {
                opened.addMessageHandler(String.class, (MessageHandler.Whole<String>) received::add);
            }

            @Override
            public void onClose(Session session, CloseReason reason) {
                closed.complete(reason);
            }
        }, ClientEndpointConfig.Builder.create().build(), server.address().webSocket());
        socket.setMaxIdleTimeout(-1); // as the app does: no Tyrus idle timer (tyrus#640)
        socket.getBasicRemote().sendText(WireJson.mapper().writeValueAsString(
                new ClientMessage.Authenticate("auth", sessions.accessToken())));
        String hello = received.poll(10, TimeUnit.SECONDS);
        assertThat(hello).contains("\"type\":\"authenticated\"");

        CloseReason reason = closed.get(10, TimeUnit.SECONDS);

        assertThat(reason.getCloseCode()).isEqualTo(CloseReason.CloseCodes.VIOLATED_POLICY);
        assertThat(reason.getReasonPhrase()).isEqualTo("token expired");
    }
}
