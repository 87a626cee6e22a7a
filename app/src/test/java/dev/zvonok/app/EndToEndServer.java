package dev.zvonok.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zvonok.app.server.RunningServer;
import dev.zvonok.app.server.ServerApi;
import dev.zvonok.app.server.ServerException;
import dev.zvonok.app.server.WireJson;
import dev.zvonok.model.api.CallDetails;
import dev.zvonok.model.api.CallPage;
import dev.zvonok.model.api.HealthDetails;
import dev.zvonok.server.db.TcpProxy;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.pbx.PlaybackSpeed;
import dev.zvonok.server.pbx.RungPhone;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import dev.zvonok.model.board.BoardSnapshot;
import dev.zvonok.model.stats.AssignedCallbacks;
import dev.zvonok.model.stats.CallbackAssignmentRequest;
import dev.zvonok.model.stats.StatsCallbacks;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;

/**
 * The whole server-lite in-process for the app's end-to-end flows ({@link RunningServer}: PostgreSQL, the demo
 * directory, a PBX replaying recorded Asterisk traces, a {@link TcpProxy} in front), with what the flows ask of it:
 * recorded calls a phase at a time, the network cut and restored, a restart, and the server's REST answers.
 */
final class EndToEndServer implements AutoCloseable {

    static final String PASSWORD = RunningServer.PASSWORD;
    /** 89271390907 (the dealer Автодом Волга) calls 777 directly; 777 answers after 3 s; the caller hangs up. */
    static final String DIRECT_CALL = "01-inbound-answered-caller-hangup";
    /** The same caller rings the ring group 777 and 888; 777 answers, 888's ring ends "answered elsewhere". */
    static final String RING_GROUP = "06-inbound-ringgroup-777-answers";

    private final RunningServer server;
    private final ObjectMapper json = WireJson.mapper();
    private final HttpClient http = ServerApi.newHttpClient();

    private EndToEndServer(RunningServer server) {
        this.server = server;
    }

    /**
     * Starts on a cleaned database; the recordings play ten times faster than recorded (within the phases a test
     * asks for one by one).
     */
    static EndToEndServer start(TestDatabase db) {
        return start(db, PlaybackSpeed.times(10));
    }

    static EndToEndServer start(TestDatabase db, PlaybackSpeed speed) {
        return new EndToEndServer(RunningServer.start(db, speed));
    }

    /**
     * Starts with a PBX whose desk phones do what {@code phones} says when it rings them for a click-to-call or a
     * listen (by dial string, {@code PJSIP/777}): busy, not picked up...
     */
    static EndToEndServer startWithPhones(TestDatabase db, Function<String, RungPhone> phones) {
        return new EndToEndServer(RunningServer.startWithPhones(db, phones));
    }

    /** The address the app is given: the relay's. */
    URI address() {
        return server.address().base();
    }

    /** A recorded call, to be played a phase at a time. */
    TraceSteps call(String trace) {
        return new TraceSteps(server.player(), trace);
    }

    /** Plays a whole recording and waits until its calls are recorded as ended. */
    void play(String trace, int calls) {
        server.play(trace, calls);
    }

    /** Waits until the server has stored {@code count} calls as ended. */
    void awaitEndedCalls(int count) {
        server.awaitRecordedEndedCalls(count);
    }

    int endedCalls() {
        return server.endedCalls();
    }

    /** The network between the app and the server goes away: connections reset, new ones refused. */
    void cutTheNetwork() {
        server.goAway();
    }

    void restoreTheNetwork() {
        server.comeBack();
    }

    /** A server restart: the old process goes away, a new one starts on the same database, at the same address. */
    void restart() {
        server.restart();
    }

    // ------------------------------------------------------------------------------------ asking the server, as REST

    /** {@code GET /api/calls} as {@code login} sees it. */
    CallPage calls(String login) {
        return get(login, "/api/calls?limit=50", CallPage.class);
    }

    /** {@code GET /api/calls/{id}} as {@code login} sees it. */
    CallDetails call(String login, String callId) {
        return get(login, "/api/calls/" + URLEncoder.encode(callId, StandardCharsets.UTF_8), CallDetails.class);
    }

    /** {@code GET /api/stats/callbacks} of the last week as {@code login} sees it. */
    StatsCallbacks callbacks(String login) {
        java.time.LocalDate today = java.time.LocalDate.now();
        return get(login, "/api/stats/callbacks?dateFrom=" + today.minusDays(6) + "&dateTo=" + today,
                StatsCallbacks.class);
    }

    /** {@code GET /api/callbacks/mine}: what {@code login} was given to call back. */
    AssignedCallbacks assignedTo(String login) {
        return get(login, "/api/callbacks/mine", AssignedCallbacks.class);
    }

    /** {@code GET /api/board} as {@code login} sees it. */
    BoardSnapshot board(String login) {
        return get(login, "/api/board", BoardSnapshot.class);
    }

    /** {@code POST /api/stats/callbacks/{callId}/assignment} as {@code login}, which must be taken. */
    void assign(String login, long callId, long userId) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            address().resolve("/api/stats/callbacks/" + callId + "/assignment"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + server.api().login(login, PASSWORD).accessToken())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
                            new CallbackAssignmentRequest(userId))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the assignment answered " + response.statusCode() + ": "
                        + response.body());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** WebSocket clients connected now, as {@code GET /health} counts them for an admin. */
    int connectedClients() {
        return get("admin", "/health", HealthDetails.class).connectedClients();
    }

    /** Whether the server refuses {@code refreshToken} (logged out, expired); a token it takes is used up by asking. */
    boolean refreshRefused(String refreshToken) {
        try {
            server.api().refresh(refreshToken);
            return false;
        } catch (ServerException.SessionExpired refused) {
            return true;
        } catch (ServerException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private <T> T get(String login, String path, Class<T> type) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(address().resolve(path))
                    .timeout(Duration.ofSeconds(10))
                    .GET();
            if (login != null) {
                request.header("Authorization", "Bearer " + server.api().login(login, PASSWORD).accessToken());
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 && !(type == HealthDetails.class && response.statusCode() == 503)) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return json.readValue(response.body(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
