package dev.zvonok.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zvonok.app.admin.AdminRefusal;
import dev.zvonok.app.admin.Administration;
import dev.zvonok.app.admin.BulkFormat;
import dev.zvonok.app.admin.BulkKind;
import dev.zvonok.app.admin.Editable;
import dev.zvonok.app.admin.ListQuery;
import dev.zvonok.app.admin.Listing;
import dev.zvonok.app.admin.Sort;
import dev.zvonok.app.admin.UserQuery;
import dev.zvonok.app.server.ServerAddress;
import dev.zvonok.app.server.ServerException;
import dev.zvonok.app.server.Sessions;
import dev.zvonok.model.admin.AdminError;
import dev.zvonok.model.admin.AdminPage;
import dev.zvonok.model.admin.AdminUser;
import dev.zvonok.model.admin.PasswordRequest;
import dev.zvonok.model.admin.UserRequest;
import dev.zvonok.model.api.ImportReport;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The Administration window's {@link Administration}: {@code /api/admin/...} with the session's access token, off
 * the FX thread. A refused token is renewed once by {@link Sessions#call}; the administration's 4xx bodies (the field
 * at fault, the owner of a taken number) come back whole as {@link AdminRefusal}.
 */
public final class ServerAdministration implements Administration {

    private static final TypeReference<AdminPage<AdminUser>> USER_PAGE = new TypeReference<>() { };
    private static final String JSON = "application/json";
    /** An import of 10,000 rows takes the server a while; the usual request timeout is for small answers. */
    private static final Duration FILE_TIMEOUT = Duration.ofMinutes(2);

    private final AuthorizedRequests requests;
    private final ObjectMapper json;
    private final Duration requestTimeout;
    private final Executor background;

    public ServerAdministration(Sessions sessions, HttpClient http, ObjectMapper json, Duration requestTimeout,
                                Executor background) {
        this.requests = new AuthorizedRequests(sessions, http, json);
        this.json = Objects.requireNonNull(json, "json");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.background = Objects.requireNonNull(background, "background");
    }

    @Override
    public CompletableFuture<AdminPage<AdminUser>> users(UserQuery query) {
        List<String> params = new ArrayList<>();
        add(params, "query", query.text() == null || query.text().isBlank() ? null : query.text().strip());
        add(params, "role", query.role() == null ? null : query.role().wireName());
        add(params, "active", query.active() == null ? null : query.active().toString());
        add(params, "page", Integer.toString(query.page()));
        add(params, "limit", Integer.toString(query.limit()));
        sort(params, query.sort());
        return ask(address -> get(address, "/api/admin/users?" + String.join("&", params)), json(USER_PAGE));
    }

    @Override
    public CompletableFuture<AdminUser> createUser(UserRequest request) {
        return ask(address -> withBody(address, "/api/admin/users", "POST", request), json(AdminUser.class));
    }

    @Override
    public CompletableFuture<AdminUser> updateUser(long id, UserRequest request) {
        return ask(address -> withBody(address, "/api/admin/users/" + id, "PUT", request), json(AdminUser.class));
    }

    @Override
    public CompletableFuture<Void> changePassword(long id, String password) {
        return ask(address -> withBody(address, "/api/admin/users/" + id + "/password", "POST",
                new PasswordRequest(password)), body -> null);
    }

    @Override
    public CompletableFuture<AdminUser> deactivateUser(long id) {
        return ask(address -> request(address, "/api/admin/users/" + id, requestTimeout).DELETE(),
                json(AdminUser.class));
    }

    @Override
    public CompletableFuture<ImportReport> importFile(BulkKind kind, byte[] file, boolean dryRun) {
        return ask(address -> request(address, "/api/admin/import/" + kind.wireName() + "?dryRun=" + dryRun,
                        FILE_TIMEOUT)
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(file)),
                json(ImportReport.class), 422);
    }

    @Override
    public CompletableFuture<byte[]> export(BulkKind kind, BulkFormat format) {
        return ask(address -> request(address, "/api/admin/export/" + kind.wireName() + "?format="
                + format.wireName(), FILE_TIMEOUT).setHeader("Accept", "*/*").GET(), body -> body);
    }

    @Override
    public <T> CompletableFuture<AdminPage<T>> list(Listing<T> listing, ListQuery query) {
        List<String> params = new ArrayList<>();
        add(params, listing.queryParameter(), query.text() == null || query.text().isBlank() ? null
                : query.text().strip());
        add(params, "page", Integer.toString(query.page()));
        add(params, "limit", Integer.toString(query.limit()));
        sort(params, query.sort());
        return ask(address -> get(address, listing.path() + "?" + String.join("&", params)),
                json(listing.pageType()));
    }

    @Override
    public <T, R> CompletableFuture<T> create(Editable<T, R> kind, R request) {
        return ask(address -> withBody(address, kind.path(), "POST", request), json(kind.type()));
    }

    @Override
    public <T, R> CompletableFuture<T> update(Editable<T, R> kind, long id, R request) {
        return ask(address -> withBody(address, kind.path() + "/" + id, "PUT", request), json(kind.type()));
    }

    @Override
    public CompletableFuture<Void> delete(Editable<?, ?> kind, long id) {
        return ask(address -> request(address, kind.path() + "/" + id, requestTimeout).DELETE(), body -> null);
    }

    // ---------------------------------------------------------------------------------------------------- HTTP

    private interface Answer<T> {
        T read(byte[] body) throws IOException;
    }

    private <T> Answer<T> json(Class<T> type) {
        return body -> json.readValue(body, type);
    }

    private <T> Answer<T> json(TypeReference<T> type) {
        return body -> json.readValue(body, type);
    }

    /**
     * Sends the request on a background thread and reads a 2xx answer (or one of {@code alsoAnswers}, a status whose
     * body is an answer too).
     */
    private <T> CompletableFuture<T> ask(Function<ServerAddress, HttpRequest.Builder> request, Answer<T> answer,
                                         int... alsoAnswers) {
        return CompletableFuture.supplyAsync(() -> {
            HttpResponse<byte[]> response = requests.send(request);
            int status = response.statusCode();
            if (status / 100 == 2 || contains(alsoAnswers, status)) {
                try {
                    return answer.read(response.body());
                } catch (IOException e) {
                    throw new CompletionException(new ServerException.ServerError(status, "unreadable answer to "
                            + response.request().uri().getPath() + ": " + e.getMessage(), e));
                }
            }
            if (status >= 500) {
                throw new CompletionException(new ServerException.ServerError(status, status + " from "
                        + response.request().uri().getPath(), null));
            }
            throw new CompletionException(new AdminRefusal(status, requests.errorOf(response, AdminError.class,
                    new AdminError("http-" + status, "no error body from the server", null, null))));
        }, background);
    }

    private HttpRequest.Builder get(ServerAddress address, String path) {
        return request(address, path, requestTimeout).GET();
    }

    private HttpRequest.Builder withBody(ServerAddress address, String path, String method, Object body) {
        try {
            return request(address, path, requestTimeout)
                    .header("Content-Type", JSON)
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + body.getClass().getSimpleName(), e);
        }
    }

    private HttpRequest.Builder request(ServerAddress address, String path, Duration timeout) {
        return HttpRequest.newBuilder(address.resolve(path))
                .timeout(timeout)
                .header("Accept", JSON)
                .header("User-Agent", "Zvonok-Desktop");
    }

    private static void add(List<String> params, String name, String value) {
        if (value != null) {
            params.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static void sort(List<String> params, Sort sort) {
        if (sort != null) {
            add(params, "sort", sort.key().wireName());
            add(params, "order", sort.order());
        }
    }

    private static boolean contains(int[] statuses, int status) {
        for (int s : statuses) {
            if (s == status) {
                return true;
            }
        }
        return false;
    }
}
