package dev.zvonok.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zvonok.model.api.ApiError;
import dev.zvonok.model.api.HealthDetails;
import dev.zvonok.server.api.AddressRange;
import dev.zvonok.server.api.Json;
import dev.zvonok.server.auth.AuthSettings;
import dev.zvonok.server.config.HttpSettings;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.pbx.AmiEndpoint;
import dev.zvonok.server.pbx.PbxReplay;
import dev.zvonok.server.pbx.PlaybackSpeed;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Who may read /metrics and the details of /health: the server's own machine, or an admin. */
class MonitoringEndpointsTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final ObjectMapper JSON = Json.mapper();

    private PbxReplay pbx;
    private LiveServer server;

    @BeforeEach
    void startPbx() {
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

    private void start(HttpSettings http) {
        server = LiveServer.start(db.settings(), pbx.endpoint(), AuthSettings.defaults(), http);
    }

    private static HttpSettings defaults() {
        return new HttpSettings("127.0.0.1", 0, ZoneId.of("Europe/Moscow"));
    }

    @Test
    void metricsAreServedToThisMachineAndToAdminsOnly() throws Exception {
        start(defaults());

        assertThat(get("127.0.0.1", "/metrics", null, null).statusCode()).isEqualTo(200);
        HttpResponse<String> stranger = get("127.0.0.2", "/metrics", null, null);
        assertThat(stranger.statusCode()).isEqualTo(403);
        assertThat(JSON.readValue(stranger.body(), ApiError.class).code()).isEqualTo("forbidden");
        assertThat(stranger.body()).doesNotContain("jvm_");
        assertThat(get("127.0.0.2", "/metrics", token("ivanov"), null).statusCode()).as("an operator")
                .isEqualTo(403);
        assertThat(get("127.0.0.2", "/metrics", "forged.token.here", null).statusCode()).isEqualTo(403);
        HttpResponse<String> admin = get("127.0.0.2", "/metrics", token("admin"), null);
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("zvonok_ws_clients");
    }

    @Test
    void metricsFromOtherAddressesWhenConfiguredAndNeverForAForwardedStranger() throws Exception {
        start(defaults().withMetricsFrom(List.of(AddressRange.parse("127.0.0.2/32")))
                .withTrustedProxies(List.of(AddressRange.parse("127.0.0.3"))));

        assertThat(get("127.0.0.2", "/metrics", null, null).statusCode()).isEqualTo(200);
        assertThat(get("127.0.0.1", "/metrics", null, null).statusCode()).as("no longer listed").isEqualTo(403);
        assertThat(get("127.0.0.3", "/metrics", null, "203.0.113.5").statusCode())
                .as("a stranger behind our proxy").isEqualTo(403);
        assertThat(get("127.0.0.3", "/metrics", null, "127.0.0.2").statusCode())
                .as("a listed client behind our proxy").isEqualTo(200);
        assertThat(get("127.0.0.4", "/metrics", null, "127.0.0.2").statusCode())
                .as("anyone else cannot claim to be one").isEqualTo(403);
    }

    @Test
    void healthTellsAnyoneUpOrDegradedAndAdminsTheDetails() throws Exception {
        start(defaults());

        HttpResponse<String> anyone = get("127.0.0.2", "/health", null, null);
        assertThat(anyone.statusCode()).isEqualTo(200);
        assertThat(anyone.body()).isEqualTo("{\"status\":\"up\"}");
        assertThat(get("127.0.0.1", "/health", token("ivanov"), null).body()).as("an operator")
                .isEqualTo("{\"status\":\"up\"}");

        HttpResponse<String> admin = get("127.0.0.2", "/health", token("admin"), null);
        assertThat(admin.statusCode()).isEqualTo(200);
        HealthDetails details = JSON.readValue(admin.body(), HealthDetails.class);
        assertThat(details.status()).isEqualTo("up");
        assertThat(details.down()).isEmpty();
        assertThat(details.database()).isTrue();
        assertThat(details.pbx().state()).isEqualTo("connected");
        assertThat(details.pbx().address()).isEqualTo("127.0.0.1:" + pbx.endpoint().port());

        pbx.endpoint().refuseConnectionsFor(Duration.ofSeconds(30));
        pbx.endpoint().dropAllConnections();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> get("127.0.0.2", "/health", null, null).statusCode() == 503);
        assertThat(get("127.0.0.2", "/health", null, null).body()).isEqualTo("{\"status\":\"degraded\"}");
        HealthDetails degraded = JSON.readValue(get("127.0.0.2", "/health", token("admin"), null).body(),
                HealthDetails.class);
        assertThat(degraded.status()).isEqualTo("degraded");
        assertThat(degraded.down()).containsExactly("pbx");
    }

    private String token(String login) throws Exception {
        return OperatorClient.login(server.port(), login).accessToken();
    }

    /** A GET from a loopback address of this machine (Linux has all of 127/8), to look like another host. */
    private HttpResponse<String> get(String from, String path, String token, String forwardedFor) throws Exception {
        InetAddress local = InetAddress.getByName(from);
        assumeTrue(canBind(local), from + " is not a local address here");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        try (HttpClient http = HttpClient.newBuilder().localAddress(local).build()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static boolean canBind(InetAddress address) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(address, 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
