package dev.zvonok.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zvonok.server.db.TcpProxy;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.pbx.AmiAccount;
import dev.zvonok.server.pbx.AmiEndpoint;
import dev.zvonok.server.pbx.AsteriskIdentity;
import dev.zvonok.server.pbx.PbxReplay;
import dev.zvonok.server.pbx.PlaybackSpeed;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What {@code GET /health} says about the PBX link, the way monitoring reads it. */
class PbxHealthTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aLinkDeadWithoutClosingShowsAsDisconnectedWithWhyAsSoonAsItIsNoticed() throws Exception {
        try (PbxReplay pbx = PbxReplay.start(AmiEndpoint.builder(), PlaybackSpeed.times(10));
             TcpProxy network = new TcpProxy(pbx.endpoint().port());
             // a slow first retry, so that the state between the loss and the next attempt can be read
             LiveServer live = LiveServer.start(db.settings(), LiveServer.amiSettings(network.port(), AmiAccount.CRM)
                     .withReconnect(Duration.ofSeconds(4), Duration.ofSeconds(4)))) {
            assertThat(health(live).path("pbx").path("state").asText()).isEqualTo("connected");
            var loss = live.server.tracking().connection().nextLoss();

            Instant frozenAt = Instant.now();
            network.freeze();
            loss.get(5, TimeUnit.SECONDS);
            HttpResponse<String> response = get(live);

            assertThat(response.statusCode()).isEqualTo(503);
            JsonNode link = new ObjectMapper().readTree(response.body()).path("pbx");
            assertThat(link.path("state").asText()).isEqualTo("disconnected");
            assertThat(Instant.parse(link.path("since").asText())).isAfter(frozenAt);
            assertThat(link.path("lastError").asText()).contains("no answer to Ping");
            network.thaw();
        }
    }

    @Test
    void saysWhichAsteriskAndWhatTheManagerAccountLacks() throws Exception {
        try (AmiEndpoint asterisk22 = AmiEndpoint.builder().identity(AsteriskIdentity.ASTERISK_22).build().start();
             LiveServer live = LiveServer.start(db.settings(), LiveServer.amiSettings(asterisk22.port(),
                     AmiAccount.CTI))) { // write = call,originate: no CoreSettings, no CoreShowChannels
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> health(live).path("pbx").path("missingPermissions").size() > 0);

            HttpResponse<String> response = get(live);
            JsonNode health = new ObjectMapper().readTree(response.body());
            assertThat(response.statusCode()).isEqualTo(200); // calls are still followed
            assertThat(health.path("status").asText()).isEqualTo("up");
            assertThat(health.path("pbx").path("asteriskVersion").asText()).isEqualTo("22");
            assertThat(health.path("pbx").path("missingPermissions")).extracting(JsonNode::asText)
                    .containsExactly("write: reporting (resync after reconnect)");
        }
    }

    private JsonNode health(LiveServer live) throws Exception {
        return new ObjectMapper().readTree(get(live).body());
    }

    private HttpResponse<String> get(LiveServer live) throws Exception {
        // the details are an admin's: anyone else is told only up or degraded
        String token = OperatorClient.login(live.port(), "admin").accessToken();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + live.port() + "/health"))
                .header("Authorization", "Bearer " + token).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
