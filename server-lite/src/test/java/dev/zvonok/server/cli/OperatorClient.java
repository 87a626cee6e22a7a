package dev.zvonok.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zvonok.model.api.LoginRequest;
import dev.zvonok.model.api.TokenResponse;
import dev.zvonok.model.directory.Role;
import dev.zvonok.model.ws.ClientMessage;
import dev.zvonok.model.ws.ServerMessage;
import dev.zvonok.server.api.Json;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.glassfish.tyrus.client.ClientManager;

/**
 * An operator's app as far as the server can tell: logs in over HTTP, opens the WebSocket with the Tyrus client the
 * desktop app uses, and keeps every message it receives, in order, for the test to wait for.
 */
final class OperatorClient implements AutoCloseable {

    private static final ObjectMapper JSON = Json.mapper();
    private static final Duration WAIT = Duration.ofSeconds(15);

    final String login;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final List<ServerMessage> seen = new ArrayList<>();
    private final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
    private Session session;
    /** The server's answer to the first {@code authenticate}: who, and until when. */
    ServerMessage.Authenticated authenticated;
    /** What the server restored right after authentication. */
    ServerMessage.ActiveCalls activeCalls;
    /** An operator's work status, sent right after {@link #activeCalls}; null for supervisors and admins. */
    ServerMessage.WorkStatusChanged workStatus;

    private OperatorClient(String login) {
        this.login = login;
    }

    /** Logs in with the demo password, connects and authenticates; returns once {@code active-calls} arrived. */
    static OperatorClient connect(int port, String login) throws Exception {
        return connect(port, login, "demo");
    }

    /** With the user's own password: a user an admin created. */
    static OperatorClient connect(int port, String login, String password) throws Exception {
        OperatorClient client = open(port, login);
        client.send(new ClientMessage.Authenticate("auth", login(port, login, password).accessToken()));
        client.authenticated = client.await(ServerMessage.Authenticated.class);
        client.activeCalls = client.await(ServerMessage.ActiveCalls.class);
        if (client.authenticated.user().role() == Role.OPERATOR) {
            client.workStatus = client.await(ServerMessage.WorkStatusChanged.class);
        }
        return client;
    }

    /** Connects without authenticating. */
    static OperatorClient open(int port, String login) throws Exception {
        OperatorClient client = new OperatorClient(login);
        client.session = ClientManager.createClient().connectToServer(client.new Listener(),
                ClientEndpointConfig.Builder.create().build(), URI.create("ws://127.0.0.1:" + port + "/ws"));
        // no idle timeout: Tyrus schedules one on every send, on an executor its container may have just shut down
        // (it does when its last socket closes, racing the next one: tyrus#640, RejectedExecutionException)
        client.session.setMaxIdleTimeout(-1);
        return client;
    }

    static TokenResponse login(int port, String login) throws Exception {
        return login(port, login, "demo");
    }

    static TokenResponse login(int port, String login, String password) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder()
                        .uri(URI.create("http://127.0.0.1:" + port + "/api/auth/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                JSON.writeValueAsString(new LoginRequest(login, password))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("login of " + login + " failed: " + response.body());
        }
        return JSON.readValue(response.body(), TokenResponse.class);
    }

    void send(ClientMessage message) throws IOException {
        sendText(JSON.writeValueAsString(message));
    }

    void sendText(String text) throws IOException {
        session.getBasicRemote().sendText(text);
    }

    void sendBinary(byte[] bytes) throws IOException {
        session.getBasicRemote().sendBinary(java.nio.ByteBuffer.wrap(bytes));
    }

    /** The next message of this type that matches, waiting for it; earlier ones of other types are kept. */
    <T extends ServerMessage> T await(Class<T> type, Predicate<T> matching) throws InterruptedException {
        for (ServerMessage message : seen) {
            if (type.isInstance(message) && matching.test(type.cast(message))) {
                seen.remove(message);
                return type.cast(message);
            }
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String text = received.poll(50, TimeUnit.MILLISECONDS);
            if (text == null) {
                continue;
            }
            ServerMessage message = parse(text);
            if (type.isInstance(message) && matching.test(type.cast(message))) {
                return type.cast(message);
            }
            seen.add(message);
        }
        throw new AssertionError(login + " received no " + type.getSimpleName() + " in " + WAIT + "; got " + seen);
    }

    <T extends ServerMessage> T await(Class<T> type) throws InterruptedException {
        return await(type, message -> true);
    }

    /** Every message received so far and not yet awaited. */
    private List<ServerMessage> drain() {
        String text;
        while ((text = received.poll()) != null) {
            seen.add(parse(text));
        }
        List<ServerMessage> all = List.copyOf(seen);
        seen.clear();
        return all;
    }

    /**
     * Every message received so far and not yet awaited, proven complete by a barrier: a {@code ping} answered after
     * them (the server answers in order on this socket), instead of a wait for late ones.
     */
    List<ServerMessage> drainUntilPong() throws Exception {
        String ref = "barrier-" + System.nanoTime();
        send(new ClientMessage.Ping(ref));
        await(ServerMessage.Pong.class, pong -> ref.equals(pong.ref()));
        return drain();
    }

    CloseReason awaitClose() throws Exception {
        return closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    boolean isOpen() {
        return session.isOpen();
    }

    private static ServerMessage parse(String text) {
        try {
            return JSON.readValue(text, ServerMessage.class);
        } catch (IOException e) {
            throw new UncheckedIOException("the server sent something unreadable: " + text, e);
        }
    }

    @Override
    public void close() throws IOException {
        if (session.isOpen()) {
            session.close();
        }
    }

    private final class Listener extends Endpoint {
        @Override
        public void onOpen(Session opened, EndpointConfig config) {
            opened.addMessageHandler(String.class, (MessageHandler.Whole<String>) received::add);
        }

        @Override
        public void onClose(Session session, CloseReason reason) {
            closed.complete(reason);
        }
    }
}
