package dev.zvonok.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zvonok.model.api.LoginRequest;
import dev.zvonok.model.api.TokenResponse;
import dev.zvonok.model.ws.ClientMessage;
import dev.zvonok.model.ws.ServerMessage;
import dev.zvonok.server.api.Json;
import dev.zvonok.server.auth.AuthSettings;
import dev.zvonok.server.config.HttpSettings;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.pbx.AmiEndpoint;
import dev.zvonok.server.pbx.PbxReplay;
import dev.zvonok.server.pbx.PlaybackSpeed;
import dev.zvonok.server.tls.TestCertificates;
import dev.zvonok.server.tls.TlsSettings;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.client.SslEngineConfigurator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The whole server behind its own certificate: logins over HTTPS, cards over WSS, nothing in clear. */
class TlsServerTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final ObjectMapper JSON = Json.mapper();

    @TempDir
    Path dir;

    private PbxReplay pbx;
    private LiveServer server;
    private TestCertificates ca;

    @BeforeEach
    void start() {
        db.clean();
        pbx = PbxReplay.start(AmiEndpoint.builder(), PlaybackSpeed.times(10));
        ca = TestCertificates.authority(dir);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        pbx.close();
    }

    private void serveWith(TlsSettings tls) {
        server = LiveServer.start(db.settings(), pbx.endpoint(), AuthSettings.defaults(),
                new HttpSettings("127.0.0.1", 0, ZoneId.of("Europe/Moscow")).withTls(tls));
    }

    @Test
    void anOperatorLogsInOverHttpsAndAuthenticatesOverWss() throws Exception {
        serveWith(ca.issue("localhost").pemSettings());

        TokenResponse tokens = login(ca.clientContext(), "https://localhost:" + server.port());
        assertThat(tokens.user().login()).isEqualTo("ivanov");

        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        Session socket = wss(ca.clientContext(), received);
        try {
            socket.getBasicRemote().sendText(JSON.writeValueAsString(
                    new ClientMessage.Authenticate("a1", tokens.accessToken())));
            ServerMessage first = JSON.readValue(received.poll(15, TimeUnit.SECONDS), ServerMessage.class);
            assertThat(first).isInstanceOf(ServerMessage.Authenticated.class);
        } finally {
            socket.close();
        }
    }

    @Test
    void aPkcs12KeystoreServesAsWell() throws Exception {
        serveWith(TlsSettings.pkcs12(ca.issue("localhost").pkcs12("changeit"), "changeit"));

        assertThat(login(ca.clientContext(), "https://127.0.0.1:" + server.port()).user().login())
                .isEqualTo("ivanov");
    }

    @Test
    void aClientThatDoesNotTrustTheAuthorityIsRefusedAndPlainHttpIsNotAnswered() throws Exception {
        serveWith(ca.issue("localhost").pemSettings());
        SSLContext otherAuthority = TestCertificates.authority(dir).clientContext();

        assertThatThrownBy(() -> login(otherAuthority, "https://localhost:" + server.port()))
                .isInstanceOf(SSLHandshakeException.class);
        assertThatThrownBy(() -> wss(otherAuthority, new LinkedBlockingQueue<>()))
                .hasStackTraceContaining("SSLHandshakeException");
        assertThatThrownBy(() -> login(SSLContext.getDefault(), "http://localhost:" + server.port()))
                .as("no password crosses the network in clear").isInstanceOf(IOException.class);
    }

    @Test
    void aKeyThatIsNotTheCertificatesKeepsTheServerFromStarting() {
        TestCertificates.Issued served = ca.issue("localhost");
        TestCertificates.Issued other = ca.issue("other");

        assertThatThrownBy(() -> serveWith(TlsSettings.pem(served.chainFile(), other.keyFile())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("zvonok.http.tls.private-key");
        assertThat(server).isNull();
    }

    private static TokenResponse login(SSLContext trust, String base) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(trust).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                JSON.writeValueAsString(new LoginRequest("ivanov", "demo"))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readValue(response.body(), TokenResponse.class);
    }

    private Session wss(SSLContext trust, BlockingQueue<String> received) throws Exception {
        ClientManager client = ClientManager.createClient();
        client.getProperties().put(ClientProperties.SSL_ENGINE_CONFIGURATOR,
                new SslEngineConfigurator(trust, true, false, false));
        Session session = client.connectToServer(new Endpoint() {
            @Override
            public void onOpen(Session opened, EndpointConfig config) {
                opened.addMessageHandler(String.class, (MessageHandler.Whole<String>) received::add);
            }
        }, ClientEndpointConfig.Builder.create().build(), URI.create("wss://localhost:" + server.port() + "/ws"));
        session.setMaxIdleTimeout(-1);
        return session;
    }
}
