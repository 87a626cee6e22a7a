package dev.zvonok.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zvonok.model.api.ApiError;
import dev.zvonok.model.api.HealthDetails;
import dev.zvonok.model.api.LoginRequest;
import dev.zvonok.server.api.Json;
import dev.zvonok.server.auth.AuthSettings;
import dev.zvonok.server.db.DatabaseSettings;
import dev.zvonok.server.db.TcpProxy;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.pbx.AmiEndpoint;
import dev.zvonok.server.pbx.PbxReplay;
import dev.zvonok.server.pbx.PlaybackSpeed;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** The database goes away: the server says so at once, refuses what needs it in a word, and is whole again after. */
class DatabaseOutageTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final ObjectMapper JSON = Json.mapper();
    private static final Duration AT_ONCE = Duration.ofSeconds(1);

    private final HttpClient http = HttpClient.newHttpClient();
    private TcpProxy relay;
    private PbxReplay pbx;
    private LiveServer server;

    @BeforeEach
    void start() throws Exception {
        db.clean();
        relay = new TcpProxy(db.port());
        pbx = PbxReplay.start(AmiEndpoint.builder(), PlaybackSpeed.times(10));
        // the pool as in production: a caller waits up to 5 s for a connection
        server = LiveServer.start(DatabaseSettings.external(db.jdbcUrlVia("127.0.0.1", relay.port()), db.user(),
                db.password()), pbx.endpoint(), AuthSettings.defaults());
    }

    @AfterEach
    void stop() {
        relay.restore();
        server.close();
        pbx.close();
        relay.close();
    }

    @Test
    void healthAnswersAtOnceSayingWhatIsDownAndLoginsAre503InOneLogLine() throws Exception {
        String admin = OperatorClient.login(server.port(), "admin").accessToken();
        relay.cut();
        loginIsRefusedIn503JsonAndOneLogLine("while the pool still holds the broken connections");

        AtomicLong slowest = new AtomicLong();
        await().atMost(Duration.ofSeconds(15)).until(() -> timed(slowest, () -> get("/health", null)).statusCode() == 503);
        HttpResponse<String> anyone = timed(slowest, () -> get("/health", null));
        HttpResponse<String> details = timed(slowest, () -> get("/health", admin));
        assertThat(Duration.ofNanos(slowest.get())).as("never waiting for the pool").isLessThan(AT_ONCE);
        assertThat(anyone.body()).isEqualTo("{\"status\":\"degraded\"}");
        assertThat(details.statusCode()).isEqualTo(503);
        HealthDetails health = JSON.readValue(details.body(), HealthDetails.class);
        assertThat(health.down()).containsExactly("database");
        assertThat(health.database()).isFalse();
        assertThat(health.pbx().state()).isEqualTo("connected");

        loginIsRefusedIn503JsonAndOneLogLine("after the pool noticed");

        relay.restore();
        await().atMost(Duration.ofSeconds(15)).until(() -> get("/health", null).statusCode() == 200);
        assertThat(post("/api/auth/login", new LoginRequest("ivanov", "demo")).statusCode())
                .as("the refused attempt counted as no failure").isEqualTo(200);
    }

    /** What a login's way through the server logs, whoever logs it (the pool included), on the request's thread. */
    private void loginIsRefusedIn503JsonAndOneLogLine(String when) throws Exception {
        ListAppender<ILoggingEvent> logged = listen(org.slf4j.Logger.ROOT_LOGGER_NAME);
        long started = System.nanoTime();
        HttpResponse<String> login = post("/api/auth/login", new LoginRequest("ivanov", "demo"));
        System.out.printf("a login with the database down, %s: %d in %d ms%n", when, login.statusCode(),
                (System.nanoTime() - started) / 1_000_000);
        List<ILoggingEvent> lines;
        synchronized (logged) {
            // the health check and the directory's listener tell of the outage on their own threads, once
            lines = logged.list.stream().filter(line -> line.getThreadName().contains("Jetty")).toList();
        }
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logged);

        assertThat(login.statusCode()).as(when).isEqualTo(503);
        assertThat(login.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        assertThat(JSON.readValue(login.body(), ApiError.class).code()).isEqualTo("database-unavailable");
        assertThat(lines).as("one line, no stack trace, " + when).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.WARN);
            assertThat(line.getFormattedMessage()).contains("/api/auth/login").contains("database");
            assertThat(line.getThrowableProxy()).isNull();
        });
    }

    private static ListAppender<ILoggingEvent> listen(String... loggers) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        for (String name : loggers) {
            ((Logger) LoggerFactory.getLogger(name)).addAppender(appender);
        }
        return appender;
    }

    @FunctionalInterface
    private interface Call {
        HttpResponse<String> send() throws Exception;
    }

    private static HttpResponse<String> timed(AtomicLong slowest, Call call) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = call.send();
        slowest.accumulateAndGet(System.nanoTime() - started, Math::max);
        return response;
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Object body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
