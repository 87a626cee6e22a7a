package dev.zvonok.app.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zvonok.app.history.CallHistorySource;
import dev.zvonok.app.history.HistoryQuery;
import dev.zvonok.app.login.Authenticator;
import dev.zvonok.app.login.LoginFailure;
import dev.zvonok.model.api.ApiError;
import dev.zvonok.model.api.CallPage;
import dev.zvonok.model.api.LoginRequest;
import dev.zvonok.model.api.TokenResponse;
import dev.zvonok.model.directory.UserView;
import dev.zvonok.server.api.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/**
 * The window's interfaces spoken to a real server over HTTP — a stand-in for the networking engineer's REST client,
 * for tests only: login keeps the access token, history sends it.
 */
public final class RestClient implements Authenticator, CallHistorySource {

    private final ObjectMapper json = Json.mapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile URI server;
    private volatile String accessToken;

    @Override
    public CompletableFuture<UserView> login(URI server, String login, String password) {
        HttpRequest request = HttpRequest.newBuilder(server.resolve("/api/auth/login"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(new LoginRequest(login, password))))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() != 200) {
                throw new CompletionException(LoginFailure.fromAnswer(response.statusCode(),
                        errorCode(response), response.headers().firstValue("Retry-After").orElse(null)));
            }
            TokenResponse tokens = read(response.body(), TokenResponse.class);
            this.server = server;
            this.accessToken = tokens.accessToken();
            return tokens.user();
        });
    }

    @Override
    public CompletableFuture<CallPage> calls(HistoryQuery query) {
        String parameters = query.parameters().entrySet().stream()
                .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(server.resolve("/api/calls?" + parameters))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + accessToken)
                .GET()
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /api/calls answered " + response.statusCode() + ": "
                        + response.body());
            }
            return read(response.body(), CallPage.class);
        });
    }

    private String errorCode(HttpResponse<String> response) {
        try {
            return json.readValue(response.body(), ApiError.class).code();
        } catch (IOException e) {
            return null;
        }
    }

    private <T> T read(String body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
