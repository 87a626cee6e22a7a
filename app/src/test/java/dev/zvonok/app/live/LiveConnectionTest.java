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
import dev.zvonok.model.ws.ActiveCall;
import dev.zvonok.model.ws.ClientMessage;
import dev.zvonok.model.ws.ServerMessage;
import dev.zvonok.model.ws.ServerMessage.ActiveCalls;
import dev.zvonok.model.ws.ServerMessage.Authenticated;
import dev.zvonok.model.ws.ServerMessage.CallEnded;
import dev.zvonok.model.ws.ServerMessage.IncomingCall;
import dev.zvonok.server.db.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The live connection against the real server, through a relay that plays the network's bad days. */
class LiveConnectionTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    /** Quick retries and pings, so that a test need not wait long for them; every wait still generous. */
    static final LiveSettings QUICK = LiveSettings.defaults()
            .withRetry(Duration.ofMillis(200), Duration.ofSeconds(2))
            .withPing(Duration.ofSeconds(1), Duration.ofSeconds(5))
            .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10));

    @TempDir
    Path dataDirectory;

    private RunningServer server;
    private Sessions sessions;
    private final List<LiveConnection> connections = new ArrayList<>();
    private final LiveEvents events = new LiveEvents();

    @BeforeEach
    void start() throws Exception {
        server = RunningServer.start(db);
        sessions = new Sessions(new SessionStore(dataDirectory, WireJson.mapper()),
                address -> new ServerApi(address, ServerApi.newHttpClient(), WireJson.mapper(), Duration.ofSeconds(5)),
                RefreshPolicy.defaults(), Clock.systemUTC());
        sessions.login(server.address(), "ivanov", RunningServer.PASSWORD);
    }

    @AfterEach
    void stop() {
        connections.forEach(LiveConnection::close);
        sessions.close();
        server.close();
    }

    private LiveConnection connect(AccessTokenSource tokens, LiveSettings settings) {
        LiveConnection live = new LiveConnection(server.address().webSocket(), tokens, settings, WireJson.mapper());
        connections.add(live);
        live.addListener(events);
        live.start();
        return live;
    }

    private LiveConnection connect() {
        return connect(sessions, QUICK);
    }

    /** Ivanov's phone rings, he talks, the caller hangs up: his card waits for "Finish and close". */
    private String callIvanovAndWaitTillItIsRecorded() {
        server.play(RunningServer.IVANOV_ANSWERS);
        String callId = events.await(IncomingCall.class).callId();
        assertThat(events.await(CallEnded.class).awaitingFinish()).isTrue();
        server.awaitRecordedEndedCalls(1);
        return callId;
    }

    @Test
    void connectsAuthenticatesAndARingReachesTheListener() {
        connect();

        events.awaitState(ConnectionState.Connected.class);
        assertThat(events.await(Authenticated.class).user().login()).isEqualTo("ivanov");
        assertThat(events.await(ActiveCalls.class).calls()).isEmpty();
        assertThat(events.all.subList(0, 4)).as("in order: connecting, connected, then what the server said")
                .satisfiesExactly(
                        first -> assertThat(first).isInstanceOf(ConnectionState.Connecting.class),
                        second -> assertThat(second).isInstanceOf(ConnectionState.Connected.class),
                        third -> assertThat(third).isInstanceOf(Authenticated.class),
                        fourth -> assertThat(fourth).isInstanceOf(ActiveCalls.class));

        server.play(RunningServer.IVANOV_ANSWERS);
        IncomingCall ring = events.await(IncomingCall.class);
        assertThat(ring.extension()).isEqualTo("777");
        assertThat(ring.callerNumber()).isNotBlank();
        events.await(ServerMessage.CallAnswered.class);
        events.await(CallEnded.class);
        assertThat(events.threads).as("one delivery thread of its own").containsExactly("live-delivery");
    }

    @Test
    void aDroppedConnectionComesBackByItselfAndActiveCallsRestoresTheCard() {
        connect();
        events.awaitState(ConnectionState.Connected.class);
        String callId = callIvanovAndWaitTillItIsRecorded();

        server.goAway();
        ConnectionState.Reconnecting lost = events.awaitState(ConnectionState.Reconnecting.class);
        assertThat(lost.reason()).isNotBlank();
        assertThat(lost.nextAttempt()).isAfter(Instant.now().minusSeconds(5));
        events.awaitState(ConnectionState.Reconnecting.class, 2); // the dial while away fails too, and says so
        server.comeBack();

        events.awaitState(ConnectionState.Connected.class, 2);
        ActiveCalls restored = events.awaitCount(ActiveCalls.class, 2).get(1);
        assertThat(restored.calls()).singleElement().satisfies(card -> {
            assertThat(card.call().callId()).isEqualTo(callId);
            assertThat(card.state()).isEqualTo(ActiveCall.State.ENDED);
        });
    }

    @Test
    void aServerRestartIsRiddenOutAndTheCardComesBackFromTheDatabase() {
        connect();
        events.awaitState(ConnectionState.Connected.class);
        String callId = callIvanovAndWaitTillItIsRecorded();

        server.restart();

        events.awaitState(ConnectionState.Reconnecting.class);
        events.awaitState(ConnectionState.Connected.class, 2);
        ActiveCalls restored = events.awaitCount(ActiveCalls.class, 2).get(1);
        assertThat(restored.calls()).extracting(card -> card.call().callId()).containsExactly(callId);
    }

    @Test
    void anAppStartedWhileTheServerIsAwayConnectsWhenItComesBack() throws Exception {
        sessions.close();
        server.goAway();
        sessions = new Sessions(new SessionStore(dataDirectory, WireJson.mapper()),
                address -> new ServerApi(address, ServerApi.newHttpClient(), WireJson.mapper(), Duration.ofSeconds(5)),
                RefreshPolicy.defaults(), Clock.systemUTC());
        try {
            sessions.resume();
        } catch (ServerException.Unreachable expected) {
            // the app shows the main window anyway, reconnecting
        }
        connect();
        events.awaitState(ConnectionState.Reconnecting.class, 2);

        server.comeBack();

        events.awaitState(ConnectionState.Connected.class);
        assertThat(events.await(Authenticated.class).user().login()).isEqualTo("ivanov");
    }

    @Test
    void reconnectNowSkipsTheWait() {
        LiveSettings patient = QUICK.withRetry(Duration.ofMinutes(2), Duration.ofMinutes(2));
        connect(sessions, patient);
        events.awaitState(ConnectionState.Connected.class);

        server.goAway();
        ConnectionState.Reconnecting waiting = events.awaitState(ConnectionState.Reconnecting.class);
        assertThat(waiting.nextAttempt()).as("a minute or more away").isAfter(Instant.now().plusSeconds(50));
        server.comeBack();
        connections.getFirst().reconnectNow();

        events.awaitState(ConnectionState.Connected.class, 2);
        assertThat(Instant.now()).isBefore(waiting.nextAttempt());
    }

    @Test
    void aLinkThatFallsSilentIsFoundOutByTheMissingPong() {
        connect();
        events.awaitState(ConnectionState.Connected.class);
        events.await(ServerMessage.Pong.class); // pings are answered while the link is fine

        server.proxy().freeze();
        ConnectionState.Reconnecting dead = events.awaitState(ConnectionState.Reconnecting.class);
        assertThat(dead.reason()).contains("ping");
        server.proxy().thaw();

        events.awaitState(ConnectionState.Connected.class, 2);
        events.awaitCount(ActiveCalls.class, 2);
    }

    @Test
    void aTokenTheServerRefusesIsRefreshedOnceAndTheConnectionGoesOn() {
        AccessTokenSource staleFirst = new AccessTokenSource() {
            @Override
            public String accessToken() {
                return "a.token.that-expired";
            }

            @Override
            public String renewAccessToken(String rejected) throws ServerException, InterruptedException {
                assertThat(rejected).isEqualTo("a.token.that-expired");
                return sessions.accessToken();
            }
        };
        connect(staleFirst, QUICK);

        events.awaitState(ConnectionState.Connected.class);
        assertThat(events.await(Authenticated.class).user().login()).isEqualTo("ivanov");
        assertThat(events.states).noneMatch(ConnectionState.Reconnecting.class::isInstance);
    }

    @Test
    void aTokenRefusedAgainAfterARefreshMeansTheSessionExpired() {
        AccessTokenSource neverGood = new AccessTokenSource() {
            @Override
            public String accessToken() {
                return "bad.token.1";
            }

            @Override
            public String renewAccessToken(String rejected) {
                return "bad.token.2";
            }
        };
        LiveConnection live = connect(neverGood, QUICK);

        ConnectionState.Offline offline = events.awaitState(ConnectionState.Offline.class);
        assertThat(offline.reason()).isEqualTo("session expired");
        assertThat(live.state()).isEqualTo(offline);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> events.states.equals(
                List.of(new ConnectionState.Connecting(), offline)));
    }

    @Test
    void afterALogoutTheConnectionStopsAtTheNextDialInsteadOfRetrying() throws Exception {
        connect();
        events.awaitState(ConnectionState.Connected.class);

        sessions.logout();
        server.proxy().cut();
        server.proxy().restore();

        ConnectionState.Offline offline = events.awaitState(ConnectionState.Offline.class);
        assertThat(offline.reason()).isEqualTo("session expired");
    }

    @Test
    void sendIsRefusedUntilAuthenticatedAndThenReachesTheServer() {
        LiveConnection live = new LiveConnection(server.address().webSocket(), sessions, QUICK, WireJson.mapper());
        connections.add(live);
        live.addListener(events);
        assertThat(live.send(new ClientMessage.Ping("early"))).isFalse();

        live.start();
        events.awaitState(ConnectionState.Connected.class);
        assertThat(live.send(new ClientMessage.Originate("call-1", ""))).isTrue();

        ServerMessage.Error refused = events.await(ServerMessage.Error.class, error -> "call-1".equals(error.ref()));
        assertThat(refused.code()).isEqualTo("invalid-field");
        assertThat(live.state()).isInstanceOf(ConnectionState.Connected.class);
    }

    @Test
    void closeStopsForGood() {
        LiveConnection live = connect();
        events.awaitState(ConnectionState.Connected.class);

        live.close();

        assertThat(live.state()).isEqualTo(new ConnectionState.Offline("closed"));
        assertThat(events.lastState()).isEqualTo(new ConnectionState.Offline("closed"));
        int seen = events.states.size();
        server.restart();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> events.states.size() == seen && server.proxy().openConnections() == 0);
        assertThat(live.send(new ClientMessage.Ping("late"))).isFalse();
    }
}
