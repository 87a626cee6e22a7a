package dev.zvonok.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zvonok.model.api.LoginRequest;
import dev.zvonok.model.api.TokenResponse;
import dev.zvonok.server.api.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

/** The statistics routes of a running server, as a logged-in user asks for them (password "demo"). */
final class StatsHttp {

    private static final ObjectMapper JSON = Json.mapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;
    private final Map<String, String> tokens = new HashMap<>();

    StatsHttp(int port) {
        this.port = port;
    }

    /** The answer, which must be 200 and JSON. */
    JsonNode json(String login, String pathAndQuery) throws Exception {
        HttpResponse<byte[]> response = get(login, pathAndQuery);
        assertThat(response.statusCode()).as(pathAndQuery + ": " + new String(response.body())).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    HttpResponse<byte[]> get(String login, String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(pathAndQuery))
                .header("Authorization", "Bearer " + token(login)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A request with a JSON body (or none when null), as {@code login}. */
    HttpResponse<byte[]> send(String login, String method, String path, Object body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path))
                        .header("Authorization", "Bearer " + token(login))
                        .header("Content-Type", "application/json")
                        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    int status(String login, String pathAndQuery) throws Exception {
        return get(login, pathAndQuery).statusCode();
    }

    private String token(String login) throws Exception {
        String token = tokens.get(login);
        if (token == null) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/api/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(new LoginRequest(login, "demo"))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            token = JSON.readValue(response.body(), TokenResponse.class).accessToken();
            tokens.put(login, token);
        }
        return token;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
