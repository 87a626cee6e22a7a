package dev.zvonok.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.model.ws.ClientMessage;
import dev.zvonok.model.ws.ServerMessage;
import dev.zvonok.model.ws.ServerMessage.IncomingCall;
import dev.zvonok.server.auth.TokenForge;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.pbx.AmiEndpoint;
import dev.zvonok.server.pbx.PlaybackSpeed;
import dev.zvonok.server.sim.CallSpec;
import dev.zvonok.server.sim.PbxSimulator;
import dev.zvonok.server.sim.Shape;
import dev.zvonok.server.sim.ShapeLibrary;
import dev.zvonok.server.sim.SimulatedPbx;
import jakarta.websocket.CloseReason;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Whatever a client sends, it gets a clear answer, the server stores nothing of what it refused, and lives on. */
class WebSocketBadInputTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static SimulatedPbx pbx;
    private static LiveServer server;

    @BeforeAll
    static void start() {
        pbx = SimulatedPbx.start(AmiEndpoint.builder(), new PbxSimulator(ShapeLibrary.load(), Instant.now(), 9),
                PlaybackSpeed.realTime());
        server = LiveServer.start(db.settings(), pbx.endpoint());
    }

    @AfterAll
    static void stop() {
        server.close();
        pbx.close();
    }

    @Test
    void malformedMessagesGetAnErrorAndTheConnectionStays() throws Exception {
        try (OperatorClient ivanov = server.operator("ivanov")) {
            ivanov.sendText("{not json");
            assertError(ivanov, "malformed-message");
            ivanov.sendText("{\"type\":\"steal-call\",\"callId\":\"1\"}");
            assertThat(assertError(ivanov, "malformed-message").message()).contains("steal-call");
            ivanov.sendText("{\"callId\":\"1\"}");
            assertThat(assertError(ivanov, "malformed-message").message()).contains("type");
            ivanov.sendText("{\"type\":\"update-call-notes\",\"notes\":\"no call id\",\"version\":0}");
            assertThat(assertError(ivanov, "invalid-field").message()).contains("callId");
            ivanov.sendText("{\"type\":\"update-call-notes\",\"callId\":\"1\",\"version\":\"many\"}");
            assertError(ivanov, "malformed-message");

            ivanov.send(new ClientMessage.Ping("still-there"));
            assertThat(ivanov.await(ServerMessage.Pong.class).ref()).isEqualTo("still-there");
        }
    }

    @Test
    void aBinaryFrameGetsAnErrorAndTheConnectionStays() throws Exception {
        try (OperatorClient ivanov = server.operator("ivanov")) {
            ivanov.sendBinary("{\"type\":\"ping\",\"ref\":\"as-bytes\"}".getBytes(StandardCharsets.UTF_8));

            assertThat(assertError(ivanov, "malformed-message").message()).contains("binary");
            assertThat(ivanov.drainUntilPong()).as("nothing else: the bytes were not taken for a ping").isEmpty();
            assertThat(ivanov.isOpen()).isTrue();
        }
    }

    @Test
    void notesThatAreNullAreRefusedAndNothingIsStored() throws Exception {
        try (OperatorClient ivanov = server.operator("ivanov")) {
            pbx.play(CallSpec.of(Shape.DIRECT_ANSWERED).ring(Duration.ofSeconds(20)));
            String callId = ivanov.await(IncomingCall.class).callId();
            ivanov.send(new ClientMessage.UpdateCallNotes("first", callId, "Перезвонить", List.of(), null, null, 0));
            assertThat(ivanov.await(ServerMessage.NotesUpdated.class).version()).isEqualTo(1);

            ivanov.sendText("{\"type\":\"update-call-notes\",\"ref\":\"wipe\",\"callId\":\"" + callId
                    + "\",\"notes\":null,\"version\":1}");
            ServerMessage.Error refused = assertError(ivanov, "invalid-field");
            assertThat(refused.ref()).isEqualTo("wipe");
            assertThat(refused.message()).contains("notes");
            ivanov.sendText("{\"type\":\"update-call-notes\",\"ref\":\"absent\",\"callId\":\"" + callId
                    + "\",\"version\":1}");
            assertThat(assertError(ivanov, "invalid-field").ref()).isEqualTo("absent");

            ivanov.send(new ClientMessage.UpdateCallNotes("stale", callId, "x", List.of(), null, null, 0));
            ServerMessage.Error stale = assertError(ivanov, "stale-version");
            assertThat(stale.current().notes()).as("what was stored stays").isEqualTo("Перезвонить");
            assertThat(stale.current().version()).as("nothing was stored since").isEqualTo(1);
        }
    }

    @Test
    void oversizedFramesAndNotesAreRefusedAndNothingIsStored() throws Exception {
        try (OperatorClient ivanov = server.operator("ivanov")) {
            pbx.play(CallSpec.of(Shape.DIRECT_ANSWERED).ring(Duration.ofSeconds(20)));
            String callId = ivanov.await(IncomingCall.class).callId();

            ivanov.sendText("{\"type\":\"ping\",\"ref\":\"" + "x".repeat(70 * 1024) + "\"}");
            assertThat(assertError(ivanov, "invalid-field").message()).contains("65536 bytes");

            ivanov.send(new ClientMessage.UpdateCallNotes("long", callId, "ж".repeat(10_001), List.of(), null, null, 0));
            ServerMessage.Error tooLong = assertError(ivanov, "invalid-field");
            assertThat(tooLong.message()).contains("notes").contains("10000");
            assertThat(tooLong.ref()).isEqualTo("long");

            ivanov.send(new ClientMessage.UpdateCallNotes("fits", callId, "ж".repeat(10_000), List.of(), null, null, 0));
            assertThat(ivanov.await(ServerMessage.NotesUpdated.class).version())
                    .as("the refused save stored nothing: version 0 still current").isEqualTo(1);
        }
    }

    @Test
    void aBadTokenIsRefusedAndTheSocketClosedAsAPolicyViolation() throws Exception {
        OperatorClient stranger = OperatorClient.open(server.port(), "stranger");
        stranger.send(new ClientMessage.Authenticate("a", "eyJhbGciOiJIUzI1NiJ9.e30.forged"));

        assertThat(assertError(stranger, "not-authenticated").ref()).isEqualTo("a");
        assertThat(stranger.awaitClose().getCloseCode()).isEqualTo(CloseReason.CloseCodes.VIOLATED_POLICY);
    }

    @Test
    void tokensForgedWithTheServersKeyAreRefusedAndTheSocketClosed() throws Exception {
        OperatorClient.login(server.port(), "ivanov"); // the key is generated at the first start; it is there now
        long ivanov = server.server.users().findByLogin("ivanov").orElseThrow().id();
        TokenForge forge = TokenForge.withStoredKey(db.dsl(), ivanov, "ivanov");
        OperatorClient genuine = OperatorClient.open(server.port(), "genuine");
        genuine.send(new ClientMessage.Authenticate("g", forge.genuine()));
        assertThat(genuine.await(ServerMessage.Authenticated.class).user().login()).as("the forge is right")
                .isEqualTo("ivanov");
        genuine.close();

        for (String forged : List.of(forge.withoutExpiry(), forge.issuedIn(Duration.ofHours(1)),
                forge.signedWith("HS512"), forge.unsigned())) {
            OperatorClient forger = OperatorClient.open(server.port(), "forger");
            forger.send(new ClientMessage.Authenticate("f", forged));
            assertThat(assertError(forger, "not-authenticated").ref()).isEqualTo("f");
            assertThat(forger.awaitClose().getCloseCode()).as(forged)
                    .isEqualTo(CloseReason.CloseCodes.VIOLATED_POLICY);
        }
    }

    @Test
    void anythingBeforeAuthenticationIsRefused() throws Exception {
        OperatorClient hasty = OperatorClient.open(server.port(), "hasty");
        hasty.send(new ClientMessage.FinishCall("f", "1795288652.0"));

        assertError(hasty, "not-authenticated");
        assertThat(hasty.awaitClose().getCloseCode()).isEqualTo(CloseReason.CloseCodes.VIOLATED_POLICY);
    }

    @Test
    void aClientThatNeverAuthenticatesIsClosedAfterTheGracePeriod() throws Exception {
        OperatorClient silent = OperatorClient.open(server.port(), "silent");

        CloseReason reason = silent.awaitClose();
        assertThat(reason.getCloseCode()).isEqualTo(CloseReason.CloseCodes.VIOLATED_POLICY);
        assertThat(reason.getReasonPhrase()).contains("authenticate");
    }

    @Test
    void healthAndMetricsTellTheStateOfTheServer() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"up\"}");

        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("zvonok_tracking_events_total").contains("zvonok_ws_clients")
                .contains("zvonok_delivery_ring_latency_seconds").contains("jvm_memory_used_bytes");

        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/api/nothing")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isIn(401, 404);
        assertThat(unknown.body()).startsWith("{");
    }

    private static ServerMessage.Error assertError(OperatorClient client, String code) throws InterruptedException {
        ServerMessage.Error error = client.await(ServerMessage.Error.class);
        assertThat(error.code()).as(error.message()).isEqualTo(code);
        return error;
    }
}
