package dev.zvonok.server.admin;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zvonok.model.admin.AdminError;
import dev.zvonok.model.api.LoginRequest;
import dev.zvonok.model.api.TokenResponse;
import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.api.ClientAddresses;
import dev.zvonok.server.api.HttpServer;
import dev.zvonok.server.api.Json;
import dev.zvonok.server.api.Routes;
import dev.zvonok.server.audit.AuditLog;
import dev.zvonok.server.auth.AuthSettings;
import dev.zvonok.server.auth.Authentication;
import dev.zvonok.server.directory.CompanyRepository;
import dev.zvonok.server.directory.DealerRepository;
import dev.zvonok.server.directory.DemoDirectorySeeder;
import dev.zvonok.server.directory.Directory;
import dev.zvonok.server.directory.DirectoryLookups;
import dev.zvonok.server.directory.LineRepository;
import dev.zvonok.server.directory.Passwords;
import dev.zvonok.server.directory.TeamRepository;
import dev.zvonok.server.directory.UserRepository;
import dev.zvonok.server.tracking.ExtensionPatternEndpoints;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;

/**
 * The administration in a real HTTP server on a free port, behind the real access guard, over a real database seeded
 * with the demo directory (ivanov 777, petrov 888, sidorov 999, supervisor 700, admin; password "demo"); with a
 * client that speaks JSON to it.
 */
final class AdminServer implements AutoCloseable {

    static final ObjectMapper JSON = Json.mapper();

    final PhoneNumbers numbers = PhoneNumbers.russian();
    final Directory directory;
    final UserRepository users;
    final CompanyRepository companies;
    final DealerRepository dealers;
    final Authentication auth;
    private final Javalin app;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    AdminServer(DSLContext dsl) {
        directory = new Directory(new DirectoryLookups(dsl), numbers);
        Passwords passwords = new Passwords(4);
        users = new UserRepository(dsl, numbers, passwords, directory);
        companies = new CompanyRepository(dsl, numbers, directory);
        dealers = new DealerRepository(dsl, numbers, directory);
        new DemoDirectorySeeder(users, companies, dealers, numbers).seed();
        AuditLog audit = new AuditLog(dsl, JSON);
        auth = Authentication.create(AuthSettings.defaults(), dsl, users, passwords, ClientAddresses.direct(),
                Clock.systemUTC(), audit);
        List<Routes> routes = new ArrayList<>(auth.routes());
        routes.addAll(Administration.routes(users, dealers, companies, new LineRepository(dsl, numbers, directory),
                new TeamRepository(dsl, directory), audit, numbers, ExtensionPatternEndpoints.standard(),
                auth::endSessionsOf, ClientAddresses.direct(), JSON, ZoneId.of("Europe/Moscow")));
        app = HttpServer.create(JSON, routes).start("127.0.0.1", 0);
    }

    TokenResponse login(String login, String password) {
        HttpResponse<String> response = post("/api/auth/login", null, new LoginRequest(login, password));
        if (response.statusCode() != 200) {
            throw new AssertionError("login of " + login + ": " + response.statusCode() + " " + response.body());
        }
        return read(response, TokenResponse.class);
    }

    String token(String login) {
        return login(login, DemoDirectorySeeder.DEMO_PASSWORD).accessToken();
    }

    HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET());
    }

    HttpResponse<String> post(String path, String token, Object body) {
        return send(request(path, token).POST(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    HttpResponse<String> put(String path, String token, Object body) {
        return send(request(path, token).PUT(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    HttpResponse<String> delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    static <T> T read(HttpResponse<String> response, Class<T> type) {
        try {
            return JSON.readValue(response.body(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("not a " + type.getSimpleName() + ": " + response.body(), e);
        }
    }

    static <T> T read(HttpResponse<String> response, TypeReference<T> type) {
        try {
            return JSON.readValue(response.body(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("not a " + type.getType() + ": " + response.body(), e);
        }
    }

    static AdminError error(HttpResponse<String> response) {
        return read(response, AdminError.class);
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private static String write(Object body) {
        try {
            return body instanceof String text ? text : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        app.stop();
    }
}
