package dev.zvonok.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.zvonok.model.ws.ServerMessage;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The demo as {@code ./demo} starts it (embedded PostgreSQL, seeded directory, simulated PBX): it answers only once
 * it can serve, and a normal stop logs no stack trace.
 */
class DemoLifecycleTest {

    private static final Duration STARTUP = Duration.ofSeconds(120);

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final UntilStopped running = UntilStopped.manual();
    private CompletableFuture<Integer> demo;
    private int port;

    @AfterEach
    void stopDemo() throws Exception {
        running.stop();
        if (demo != null) {
            demo.get(60, TimeUnit.SECONDS);
        }
        root().detachAppender(logged);
    }

    @Test
    void theFirstAnswerOfHealthComesWhenTheDemoUsersCanLogIn() throws Exception {
        startDemo();

        // as fast as it can from the moment of start: the first answer of any kind (503 while the PBX logs in)
        HttpResponse<String> first = firstAnswer("/health");
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(uri("/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"login\":\"ivanov\",\"password\":\"demo\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(first.statusCode()).isIn(200, 503);
        assertThat(login.statusCode()).as("logged in at the first answer: %s", login.body()).isEqualTo(200);
        // the order of the real start, as it logs it: users, then the PBX wired, then the port
        List<String> steps = messages().stream()
                .filter(line -> line.startsWith("Demo directory:") || line.startsWith("server-lite is following")
                        || line.startsWith("HTTP and WebSocket on"))
                .toList();
        assertThat(steps).hasSize(3);
        assertThat(steps.get(0)).startsWith("Demo directory:");
        assertThat(steps.get(1)).startsWith("server-lite is following");
        assertThat(steps.get(2)).startsWith("HTTP and WebSocket on");
    }

    @Test
    void aNormalStopLogsNoStackTraceAndNoWarning() throws Exception {
        startDemo();
        firstAnswer("/health");
        try (OperatorClient ivanov = OperatorClient.connect(port, "ivanov")) {
            // a call under way: the recorder, the cards and the WebSocket all have something to finish
            ivanov.await(ServerMessage.IncomingCall.class);
            int before = snapshot().size();

            running.stop();
            assertThat(demo.get(60, TimeUnit.SECONDS)).isZero();

            List<ILoggingEvent> all = snapshot();
            List<ILoggingEvent> whileStopping = all.subList(before, all.size());
            assertThat(whileStopping).as("the log of the stop").isNotEmpty();
            assertThat(whileStopping)
                    .filteredOn(line -> line.getLevel().isGreaterOrEqual(Level.WARN) || line.getThrowableProxy() != null)
                    .extracting(line -> line.getLevel() + " " + line.getLoggerName() + ": " + line.getFormattedMessage()
                            + (line.getThrowableProxy() == null ? "" : " / " + line.getThrowableProxy().getClassName()))
                    .isEmpty();
        }
    }

    private void startDemo() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        logged.start();
        root().addAppender(logged);
        DemoCommand command = new DemoCommand();
        new CommandLine(command).parseArgs("--port", String.valueOf(port), "--data-dir", data.resolve("pg").toString(),
                "--speed", "5");
        demo = CompletableFuture.supplyAsync(() -> {
            try {
                return command.runUntil(running);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, runnable -> Thread.ofPlatform().name("demo-under-test").start(runnable));
    }

    /** Polls without pause until the server answers anything (a refused connection is no answer). */
    private HttpResponse<String> firstAnswer(String path) throws Exception {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (demo.isDone()) {
                demo.get(); // says why it stopped
                throw new AssertionError("the demo stopped before it answered");
            }
            try {
                return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (ConnectException notListeningYet) {
                Thread.onSpinWait();
            }
        }
        throw new AssertionError("no answer on " + path + " within " + STARTUP);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private List<String> messages() {
        return snapshot().stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** What was logged so far: the appender adds under its own lock. */
    private List<ILoggingEvent> snapshot() {
        synchronized (logged) {
            return List.copyOf(logged.list);
        }
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
