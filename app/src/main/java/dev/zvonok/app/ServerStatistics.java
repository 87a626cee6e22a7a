package dev.zvonok.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zvonok.app.history.AssignedCallbacksSource;
import dev.zvonok.app.server.ServerException;
import dev.zvonok.app.server.Sessions;
import dev.zvonok.app.server.ServerApi;
import dev.zvonok.app.stats.JournalQuery;
import dev.zvonok.app.stats.StatisticsRecomputing;
import dev.zvonok.app.stats.StatsRequest;
import dev.zvonok.app.stats.StatsSource;
import dev.zvonok.model.api.ApiError;
import dev.zvonok.model.api.CallPage;
import dev.zvonok.model.board.BoardSnapshot;
import dev.zvonok.model.stats.AssignedCallbacks;
import dev.zvonok.model.stats.CallbackAssignment;
import dev.zvonok.model.stats.CallbackAssignmentRequest;
import dev.zvonok.model.stats.MyStats;
import dev.zvonok.model.stats.StatsCallbacks;
import dev.zvonok.model.stats.StatsLines;
import dev.zvonok.model.stats.StatsOperators;
import dev.zvonok.model.stats.StatsQuery;
import dev.zvonok.model.stats.StatsSummary;
import dev.zvonok.model.stats.StatsTimeline;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;

/**
 * {@link StatsSource} over the server's REST API with the session's access token (a refused token is renewed once by
 * {@link Sessions#call}), each request on {@code background}.
 */
public final class ServerStatistics implements StatsSource, AssignedCallbacksSource {

    /** A year's export takes the server a while; the figures themselves are small answers. */
    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    private final AuthorizedRequests requests;
    private final ObjectMapper json;
    private final Executor background;

    public ServerStatistics(Sessions sessions, HttpClient http, ObjectMapper json, Executor background) {
        this.requests = new AuthorizedRequests(sessions, http, json);
        this.json = Objects.requireNonNull(json, "json");
        this.background = Objects.requireNonNull(background, "background");
    }

    @Override
    public CompletableFuture<StatsSummary> summary(StatsRequest query) {
        return get("/api/stats/summary", query.parameters(), StatsSummary.class);
    }

    @Override
    public CompletableFuture<StatsTimeline> timeline(StatsRequest query, String by) {
        return get("/api/stats/timeline", with(query.parameters(), "by", by), StatsTimeline.class);
    }

    @Override
    public CompletableFuture<StatsOperators> operators(StatsRequest query) {
        return get("/api/stats/operators", query.parameters(), StatsOperators.class);
    }

    @Override
    public CompletableFuture<AssignedCallbacks> assignedToMe() {
        return get("/api/callbacks/mine", List.of(), AssignedCallbacks.class);
    }

    @Override
    public CompletableFuture<StatsLines> lines(StatsRequest query) {
        return get("/api/stats/lines", query.parameters(), StatsLines.class);
    }

    @Override
    public CompletableFuture<CallbackAssignment> assign(long callId, long userId) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(new CallbackAssignmentRequest(userId));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        return ask(assignmentOf(callId), List.of(), "POST", HttpRequest.BodyPublishers.ofByteArray(body),
                answer -> json.readValue(answer, CallbackAssignment.class));
    }

    @Override
    public CompletableFuture<Void> withdraw(long callId) {
        return ask(assignmentOf(callId), List.of(), "DELETE", HttpRequest.BodyPublishers.noBody(), answer -> null);
    }

    private static String assignmentOf(long callId) {
        return "/api/stats/callbacks/" + callId + "/assignment";
    }

    @Override
    public CompletableFuture<StatsCallbacks> callbacks(StatsRequest query, int page, int limit) {
        return get("/api/stats/callbacks", with(with(query.parameters(), "page", Integer.toString(page)), "limit",
                Integer.toString(limit)), StatsCallbacks.class);
    }

    @Override
    public CompletableFuture<MyStats> my(LocalDate from, LocalDate to) {
        return get("/api/stats/my", List.of(Map.entry(StatsQuery.DATE_FROM, from.toString()),
                Map.entry(StatsQuery.DATE_TO, to.toString())), MyStats.class);
    }

    @Override
    public CompletableFuture<byte[]> export(Report report, StatsRequest query, ExportFormat format) {
        List<Map.Entry<String, String>> params = with(query.parameters(), "format", format.wireName());
        if (report == Report.TIMELINE) {
            params = with(params, "by", query.days().timelineBy());
        }
        return ask(report.path(), params, body -> body);
    }

    @Override
    public CompletableFuture<CallPage> journal(JournalQuery query) {
        return get("/api/calls", query.parameters(), CallPage.class);
    }

    @Override
    public CompletableFuture<BoardSnapshot> choices() {
        return get("/api/board", List.of(), BoardSnapshot.class);
    }

    private static List<Map.Entry<String, String>> with(List<Map.Entry<String, String>> params, String name,
                                                        String value) {
        List<Map.Entry<String, String>> all = new ArrayList<>(params);
        all.add(Map.entry(name, value));
        return all;
    }

    private <T> CompletableFuture<T> get(String path, List<Map.Entry<String, String>> params, Class<T> type) {
        return ask(path, params, body -> json.readValue(body, type));
    }

    private interface Answer<T> {
        T read(byte[] body) throws IOException;
    }

    private <T> CompletableFuture<T> ask(String path, List<Map.Entry<String, String>> params, Answer<T> answer) {
        return ask(path, params, "GET", HttpRequest.BodyPublishers.noBody(), answer);
    }

    private <T> CompletableFuture<T> ask(String path, List<Map.Entry<String, String>> params, String method,
                                         HttpRequest.BodyPublisher body, Answer<T> answer) {
        String query = params.stream()
                .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String pathAndQuery = query.isEmpty() ? path : path + "?" + query;
        try {
            return CompletableFuture.supplyAsync(() -> answerOf(path, pathAndQuery, method, body, answer),
                    background);
        } catch (RejectedExecutionException e) {
            // the app is closing: a late refresh (a timer, an event) gets a failed answer, not an exception
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Sends the request on this thread and reads a 2xx answer; anything else fails as the screens expect. */
    private <T> T answerOf(String path, String pathAndQuery, String method, HttpRequest.BodyPublisher body,
                           Answer<T> answer) {
        HttpResponse<byte[]> response = requests.send(address -> HttpRequest.newBuilder(address.resolve(pathAndQuery))
                .timeout(TIMEOUT)
                .header("Accept", "*/*")
                .header("Content-Type", "application/json")
                .header("User-Agent", "Zvonok-Desktop")
                .method(method, body));
        int status = response.statusCode();
        if (status / 100 != 2) {
            ApiError error = requests.errorOf(response, ApiError.class,
                    new ApiError("http-" + status, "no error body from the server"));
            String message = status + " " + error.code() + ": " + error.message();
            if (status == 503 && ApiError.STATISTICS_RECOMPUTING.equals(error.code())) {
                throw new CompletionException(new StatisticsRecomputing(message,
                        ServerApi.retryAfter(response).orElse(null)));
            }
            throw new CompletionException(status >= 500 ? new ServerException.ServerError(status, message, null)
                    : new ServerException.Refused(status, error.code(), message));
        }
        try {
            return answer.read(response.body());
        } catch (IOException e) {
            throw new CompletionException(new ServerException.ServerError(status, "unreadable answer to "
                    + path + ": " + e.getMessage(), e));
        }
    }
}
