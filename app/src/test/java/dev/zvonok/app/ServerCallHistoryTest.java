package dev.zvonok.app;

import static dev.zvonok.server.db.schema.Tables.REFRESH_TOKENS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.zvonok.app.history.HistoryQuery;
import dev.zvonok.app.server.RunningServer;
import dev.zvonok.app.server.ServerException;
import dev.zvonok.app.server.Session;
import dev.zvonok.app.server.Sessions;
import dev.zvonok.model.api.CallPage;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.server.db.TestDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history screens' source, the app's own {@link ServerCallHistory}, against the real server with access tokens of
 * three seconds: what the operator gets, and how each failure reaches the screens.
 */
class ServerCallHistoryTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final Duration LIFETIME = Duration.ofSeconds(3);

    @TempDir
    Path dataDirectory;

    private RunningServer server;
    private Sessions sessions;
    private ServerCallHistory history;
    private long ivanov;

    @BeforeEach
    void start() throws Exception {
        server = RunningServer.startWithTokenLifetime(db, LIFETIME);
        server.play(RunningServer.IVANOV_ANSWERS, 1);
        sessions = RunningServer.newSessions(dataDirectory);
        ivanov = sessions.login(server.address(), "ivanov", RunningServer.PASSWORD).user().id();
        history = new ServerCallHistory(sessions, ForkJoinPool.commonPool());
    }

    @AfterEach
    void stop() {
        sessions.close();
        server.close();
    }

    private CompletableFuture<CallPage> ivanovsCalls() {
        return history.calls(new HistoryQuery(1, 20, null, null, null, ivanov, null));
    }

    private static Throwable failureOf(CompletableFuture<CallPage> answer) {
        try {
            answer.get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError("no answer", e);
        }
        throw new AssertionError("the server answered");
    }

    /** Waits until the access token this session started with has expired. */
    private void outliveTheAccessToken(Session started) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> Instant.now().isAfter(started.accessTokenExpiresAt().plusSeconds(1)));
    }

    @Test
    void theOperatorsCallsComeFromTheServer() throws Exception {
        CallPage page = ivanovsCalls().get(20, TimeUnit.SECONDS);

        assertThat(page.data()).singleElement().satisfies(call -> {
            assertThat(call.disposition()).isEqualTo(CallDisposition.ANSWERED);
            assertThat(call.callerNumber()).isEqualTo("+79271390907");
        });
    }

    @Test
    void aServerThatIsGoneIsNoAnswerToTryAgainLater() throws Exception {
        server.proxy().cut();

        assertThat(failureOf(ivanovsCalls())).as("the screens offer to retry on an IOException")
                .isInstanceOf(IOException.class);

        server.proxy().restore();
        assertThat(ivanovsCalls().get(20, TimeUnit.SECONDS).data()).hasSize(1);
    }

    @Test
    void anExpiredAccessTokenIsRenewedUnnoticed() throws Exception {
        Session started = sessions.current().orElseThrow();
        outliveTheAccessToken(started);

        assertThat(ivanovsCalls().get(20, TimeUnit.SECONDS).data()).hasSize(1);
        assertThat(sessions.current()).hasValueSatisfying(
                now -> assertThat(now.accessToken()).isNotEqualTo(started.accessToken()));
    }

    @Test
    void aSessionEndedOnTheServerIsRefusedAndNotMistakenForAnOutage() throws Exception {
        Session started = sessions.current().orElseThrow();
        db.dsl().deleteFrom(REFRESH_TOKENS).execute(); // e.g. an administrator ended every session
        outliveTheAccessToken(started);

        assertThat(failureOf(ivanovsCalls())).isInstanceOf(ServerException.SessionExpired.class);
    }
}
