package dev.zvonok.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zvonok.model.admin.AdminPhone;
import dev.zvonok.model.admin.AdminUser;
import dev.zvonok.model.admin.UserRequest;
import dev.zvonok.model.api.LoginRequest;
import dev.zvonok.model.api.RefreshRequest;
import dev.zvonok.model.api.TokenResponse;
import dev.zvonok.server.api.Json;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.pbx.AmiEndpoint;
import dev.zvonok.server.pbx.PbxReplay;
import dev.zvonok.server.pbx.PlaybackSpeed;
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

/**
 * The administration in the whole server: an admin deactivating an operator through {@code DELETE
 * /api/admin/users/{id}} ends everything the operator had open — sockets, refresh tokens — and keeps them out.
 */
class AdminDeactivationTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final ObjectMapper JSON = Json.mapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private PbxReplay pbx;
    private LiveServer server;

    @BeforeEach
    void start() {
        db.clean();
        pbx = PbxReplay.start(AmiEndpoint.builder(), PlaybackSpeed.times(10));
        server = LiveServer.start(db.settings(), pbx.endpoint());
    }

    @AfterEach
    void stop() {
        server.close();
        pbx.close();
    }

    @Test
    void aDeactivatedOperatorsSocketsCloseWithinSecondsAndTheirTokensAndPasswordNoLongerWork() throws Exception {
        String admin = OperatorClient.login(server.port(), "admin").accessToken();
        TokenResponse ivanovSession = OperatorClient.login(server.port(), "ivanov");
        long ivanov = ivanovSession.user().id();
        try (OperatorClient desk = server.operator("ivanov");
             OperatorClient laptop = server.operator("ivanov");
             OperatorClient petrov = server.operator("petrov")) {
            Instant deactivated = Instant.now();
            HttpResponse<String> response = send("DELETE", "/api/admin/users/" + ivanov, admin, null);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

            for (OperatorClient socket : List.of(desk, laptop)) {
                CloseReason closed = socket.awaitClose();
                assertThat(closed.getCloseCode()).isEqualTo(CloseReason.CloseCodes.VIOLATED_POLICY);
                assertThat(closed.getReasonPhrase()).isEqualTo("account disabled");
            }
            assertThat(Duration.between(deactivated, Instant.now())).isLessThan(Duration.ofSeconds(5));
            assertThat(petrov.drainUntilPong()).as("nobody else is touched").isEmpty();
        }
        assertThat(send("POST", "/api/auth/refresh", null, new RefreshRequest(ivanovSession.refreshToken()))
                .statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/me", ivanovSession.accessToken(), null).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/api/auth/login", null, new LoginRequest("ivanov", "demo")).statusCode())
                .isEqualTo(403);
    }

    @Test
    void anOperatorCreatedThroughTheApiLogsInWithTheirExtension() throws Exception {
        String admin = OperatorClient.login(server.port(), "admin").accessToken();
        HttpResponse<String> created = send("POST", "/api/admin/users", admin, new UserRequest("orlova",
                "Ольга Орлова", "operator", "secret-123", null, List.of(),
                List.of(AdminPhone.ofUser("555", "extension")), null));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = JSON.readValue(created.body(), AdminUser.class).id();

        HttpResponse<String> login = send("POST", "/api/auth/login", null, new LoginRequest("orlova", "secret-123"));

        assertThat(login.statusCode()).isEqualTo(200);
        TokenResponse tokens = JSON.readValue(login.body(), TokenResponse.class);
        assertThat(tokens.user().id()).isEqualTo(id);
        assertThat(tokens.user().extensions()).containsExactly("555");
        assertThat(server.server.directory().operatorFor("555")).isPresent();
    }

    private HttpResponse<String> send(String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
