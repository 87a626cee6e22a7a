package dev.zvonok.app.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zvonok.model.api.ApiError;
import dev.zvonok.model.api.CallDetails;
import dev.zvonok.model.api.CallPage;
import dev.zvonok.model.api.LoginRequest;
import dev.zvonok.model.api.RefreshRequest;
import dev.zvonok.model.api.TokenResponse;
import dev.zvonok.model.directory.UserView;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * server-lite's REST API, for one server. Every method <b>blocks</b> until the server answered or {@code
 * requestTimeout} passed: call it off the FX thread (a virtual thread is fine). Failures are one of the
 * {@link ServerException}s; an interrupt is passed on as {@link InterruptedException}.
 */
public final class ServerApi {

    private static final Logger log = LoggerFactory.getLogger(ServerApi.class);

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final String JSON = "application/json";

    private final ServerAddress server;
    private final HttpClient http;
    private final ObjectMapper json;
    private final Duration requestTimeout;

    public ServerApi(ServerAddress server, HttpClient http, ObjectMapper json, Duration requestTimeout) {
        this.server = Objects.requireNonNull(server, "server");
        this.http = Objects.requireNonNull(http, "http");
        this.json = Objects.requireNonNull(json, "json");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    /** An HTTP client as the app wants it, trusting the system's authorities only. */
    public static HttpClient newHttpClient() {
        return newHttpClient(ServerTrust.system());
    }

    /**
     * An HTTP client as the app wants it: HTTP/1.1 (server-lite speaks nothing else), a short connect timeout,
     * {@code https://} servers believed as {@code trust} says.
     */
    public static HttpClient newHttpClient(ServerTrust trust) {
        return HttpClient.newBuilder()
                .sslContext(trust.sslContext())
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(DEFAULT_CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public ServerAddress address() {
        return server;
    }

    /**
     * {@code POST /api/auth/login}. Fails with {@link ServerException.WrongCredentials},
     * {@link ServerException.AccountDisabled}, {@link ServerException.TooManyAttempts},
     * {@link ServerException.Unreachable} or {@link ServerException.ServerError}.
     */
    public TokenResponse login(String login, String password) throws ServerException, InterruptedException {
        return send(post("/api/auth/login", new LoginRequest(login, password)), TokenResponse.class);
    }

    /**
     * {@code POST /api/auth/refresh}: a new token pair; {@code refreshToken} is used up (presenting it again ends the
     * whole session on the server). Fails with {@link ServerException.SessionExpired},
     * {@link ServerException.AccountDisabled}, {@link ServerException.Unreachable} or
     * {@link ServerException.ServerError}.
     */
    public TokenResponse refresh(String refreshToken) throws ServerException, InterruptedException {
        return send(post("/api/auth/refresh", new RefreshRequest(refreshToken)), TokenResponse.class);
    }

    /** {@code POST /api/auth/logout}: ends the session of {@code refreshToken}; an unknown token is no error. */
    public void logout(String refreshToken) throws ServerException, InterruptedException {
        send(post("/api/auth/logout", new RefreshRequest(refreshToken)), Void.class);
    }

    /** {@code GET /api/me}: the user as the directory has them now. */
    public UserView me(String accessToken) throws ServerException, InterruptedException {
        return send(get("/api/me", accessToken), UserView.class);
    }

    /** {@code GET /api/calls}: one page of calls, newest first; operators see their own only. */
    public CallPage calls(String accessToken, CallQuery query) throws ServerException, InterruptedException {
        return send(get("/api/calls?" + query.toQueryString(), accessToken), CallPage.class);
    }

    /**
     * {@code GET /api/calls/{id}}: one call with every operator's part, card and transfer. A call that does not exist,
     * or is not the operator's, is {@link ServerException.Refused} with status 404.
     */
    public CallDetails call(String accessToken, String callId) throws ServerException, InterruptedException {
        return send(get("/api/calls/" + URLEncoder.encode(callId, StandardCharsets.UTF_8).replace("+", "%20"),
                accessToken), CallDetails.class);
    }

    private HttpRequest post(String path, Object body) {
        try {
            return request(path)
                    .header("Content-Type", JSON)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + body.getClass().getSimpleName(), e);
        }
    }

    private HttpRequest get(String path, String accessToken) {
        return request(path).header("Authorization", "Bearer " + accessToken).GET().build();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(server.resolve(path))
                .timeout(requestTimeout)
                .header("Accept", JSON)
                .header("User-Agent", "Zvonok-Desktop");
    }

    private <T> T send(HttpRequest request, Class<T> answer) throws ServerException, InterruptedException {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            // connect refused, unknown host, timeouts, a connection cut midway: all "cannot reach the server";
            // a certificate refused is said apart
            throw ServerException.ofFailedExchange(request.method() + " " + request.uri().getPath(), e);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return answer == Void.class ? null : read(response, answer);
        }
        throw failure(response);
    }

    private <T> T read(HttpResponse<byte[]> response, Class<T> answer) throws ServerException {
        try {
            return json.readValue(response.body(), answer);
        } catch (IOException e) {
            throw new ServerException.ServerError(response.statusCode(), "unreadable answer to "
                    + response.request().uri().getPath() + ": " + e.getMessage(), e);
        }
    }

    private ServerException failure(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        ApiError error = apiError(response);
        String code = error.code() == null ? "" : error.code();
        String message = status + " " + code + ": " + error.message();
        log.debug("{} {} answered {}", response.request().method(), response.request().uri().getPath(), message);
        return switch (status) {
            case 401 -> switch (code) {
                case "bad-credentials" -> new ServerException.WrongCredentials(message);
                case "invalid-refresh-token" -> new ServerException.SessionExpired(message);
                default -> new ServerException.AccessTokenRejected(message);
            };
            case 403 -> code.equals("account-disabled") ? new ServerException.AccountDisabled(message)
                    : new ServerException.Refused(status, code, message);
            case 429 -> new ServerException.TooManyAttempts(message, retryAfter(response).orElse(null));
            default -> status >= 500 ? new ServerException.ServerError(status, message, null)
                    : new ServerException.Refused(status, code, message);
        };
    }

    /** The JSON error body, or what can be said without one (a proxy's HTML page, an empty body). */
    private ApiError apiError(HttpResponse<byte[]> response) {
        try {
            ApiError error = json.readValue(response.body(), ApiError.class);
            if (error != null) {
                return error;
            }
        } catch (IOException e) {
            // not ours: said below
        }
        return new ApiError("http-" + response.statusCode(), "no error body from the server");
    }

    /** {@code Retry-After}: seconds, or an HTTP date (RFC 9110, 10.2.3). */
    public static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip()))));
            } catch (NumberFormatException notSeconds) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                    Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                    return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
                } catch (DateTimeParseException neither) {
                    return Optional.empty();
                }
            }
        });
    }

}
