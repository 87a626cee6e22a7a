package dev.zvonok.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zvonok.app.server.ServerAddress;
import dev.zvonok.app.server.ServerException;
import dev.zvonok.app.server.Sessions;
import dev.zvonok.model.api.ApiError;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * A request of the app's background adapters (the administration, the statistics) with the session's access token,
 * sent on the calling thread: a refused token is renewed once by {@link Sessions#call}, and a failure comes out
 * inside a {@link CompletionException} as the screens expect it — no answer as an {@link IOException} (try again
 * later), anything else as the {@link ServerException}. What a status means is the adapter's business.
 */
final class AuthorizedRequests {

    private final Sessions sessions;
    private final HttpClient http;
    private final ObjectMapper json;

    AuthorizedRequests(Sessions sessions, HttpClient http, ObjectMapper json) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.http = Objects.requireNonNull(http, "http");
        this.json = Objects.requireNonNull(json, "json");
    }

    /** @param request the request to the server at the session's address, without its Authorization header */
    HttpResponse<byte[]> send(Function<ServerAddress, HttpRequest.Builder> request) {
        try {
            return sessions.call((api, token) -> exchange(request.apply(api.address())
                    .header("Authorization", "Bearer " + token).build()));
        } catch (ServerException.Unreachable e) {
            throw new CompletionException(new IOException(e.getMessage(), e));
        } catch (ServerException e) {
            throw new CompletionException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
    }

    /** The server's JSON error in the answer, or {@code otherwise} when the body is not one (a proxy's page). */
    <E> E errorOf(HttpResponse<byte[]> response, Class<E> type, E otherwise) {
        try {
            E error = json.readValue(response.body(), type);
            if (error != null) {
                return error;
            }
        } catch (IOException e) {
            // not ours (a proxy's page, an empty body): otherwise
        }
        return otherwise;
    }

    /** One round trip; a refused access token is told as such so that {@link Sessions#call} renews it. */
    private HttpResponse<byte[]> exchange(HttpRequest request) throws ServerException, InterruptedException {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw ServerException.ofFailedExchange(request.method() + " " + request.uri().getPath(), e);
        }
        if (response.statusCode() == 401) {
            throw new ServerException.AccessTokenRejected("401 " + errorOf(response, ApiError.class,
                    new ApiError("http-401", "")).code());
        }
        return response;
    }
}
