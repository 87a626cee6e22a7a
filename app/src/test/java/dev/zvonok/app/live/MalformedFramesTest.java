package dev.zvonok.app.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zvonok.app.server.AccessTokenSource;
import dev.zvonok.app.server.WireJson;
import dev.zvonok.model.directory.Role;
import dev.zvonok.model.directory.UserView;
import dev.zvonok.model.ws.ServerMessage;
import io.javalin.Javalin;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Frames the app cannot read are skipped, and the connection goes on. server-lite never sends such frames, so a
 * small WebSocket server of the test's own (Jetty, through Javalin, as server-lite) sends them on purpose: a newer
 * server's unknown message type, a field of the wrong kind, plain garbage.
 */
class MalformedFramesTest {

    private static final ObjectMapper JSON = WireJson.mapper();
    private static final List<String> GARBAGE = List.of(
            "this is not JSON",
            "{\"type\":\"teleport\",\"callId\":\"c1\"}",
            "{\"callId\":\"c1\"}",
            "{\"type\":\"incoming-call\",\"callId\":\"c1\",\"ringAt\":\"yesterday\"}",
            "{\"type\":\"notes-updated\",\"callId\":\"c1\",\"version\":\"seven\"}",
            "null",
            "[1,2,3]",
            "{\"type\":");

    private Javalin hostile;
    private LiveConnection live;
    private final LiveEvents events = new LiveEvents();

    @BeforeEach
    void start() {
        hostile = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.ws("/ws", ws -> ws.onMessage(ctx -> {
                String text = ctx.message();
                if (text.contains("\"authenticate\"")) {
                    ctx.send(JSON.writeValueAsString(new ServerMessage.Authenticated("auth-1",
                            new UserView(1, "ivanov", "Иван Иванов", Role.OPERATOR, List.of("777")), Instant.now(),
                            Instant.now().plusSeconds(900))));
                    ctx.send(JSON.writeValueAsString(new ServerMessage.ActiveCalls(List.of())));
                    GARBAGE.forEach(ctx::send);
                    ctx.send(JSON.writeValueAsString(new ServerMessage.CallHistory("c1", List.of())));
                } else if (text.contains("\"ping\"")) {
                    String ref = JSON.readTree(text).path("ref").asText();
                    ctx.send(JSON.writeValueAsString(new ServerMessage.Pong(ref, Instant.now())));
                }
            }));
        }).start("127.0.0.1", 0);
        AccessTokenSource anyToken = new AccessTokenSource() {
            @Override
            public String accessToken() {
                return "token";
            }

            @Override
            public String renewAccessToken(String rejected) {
                return "token";
            }
        };
        live = new LiveConnection(URI.create("ws://127.0.0.1:" + hostile.port() + "/ws"), anyToken,
                LiveConnectionTest.QUICK.withPing(Duration.ofMillis(300), Duration.ofSeconds(5)), JSON);
        live.addListener(events);
    }

    @AfterEach
    void stop() {
        live.close();
        hostile.stop();
    }

    @Test
    void unreadableFramesAreSkippedAndTheConnectionGoesOn() {
        live.start();

        assertThat(events.await(ServerMessage.CallHistory.class).callId()).isEqualTo("c1");
        events.awaitCount(ServerMessage.Pong.class, 2); // pinged and answered after the garbage: still alive

        assertThat(events.messages).filteredOn(message -> !(message instanceof ServerMessage.Pong))
                .hasExactlyElementsOfTypes(ServerMessage.Authenticated.class, ServerMessage.ActiveCalls.class,
                        ServerMessage.CallHistory.class);
        await().atMost(LiveEvents.WAIT).until(() -> events.states.equals(
                List.of(new ConnectionState.Connecting(), new ConnectionState.Connected())));
        assertThat(live.state()).isInstanceOf(ConnectionState.Connected.class);
    }
}
