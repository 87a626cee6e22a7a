package dev.zvonok.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.zvonok.app.server.SessionListener.SessionEnd;
import dev.zvonok.model.phone.PhoneRules;
import dev.zvonok.server.db.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The operator's session against the real server: login, restart, refresh, logout. */
class SessionsTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path dataDirectory;

    private RunningServer server;
    private final List<Sessions> opened = new CopyOnWriteArrayList<>();
    private final Events events = new Events();

    @BeforeEach
    void start() {
        server = RunningServer.start(db);
    }

    @AfterEach
    void stop() {
        opened.forEach(Sessions::close);
        server.close();
    }

    /** A new app process, as far as sessions go: nothing in memory, the data directory on disk. */
    private Sessions sessions(RefreshPolicy policy) {
        Sessions sessions = new Sessions(new SessionStore(dataDirectory, WireJson.mapper()),
                address -> new ServerApi(address, ServerApi.newHttpClient(), WireJson.mapper(), Duration.ofSeconds(5)),
                policy, Clock.systemUTC());
        sessions.addListener(events);
        opened.add(sessions);
        return sessions;
    }

    private Sessions sessions() {
        return sessions(RefreshPolicy.defaults());
    }

    @Test
    void aLoginIsStoredForTheOperatorOnlyWithoutTheAccessToken() throws Exception {
        Session session = sessions().login(server.address(), "ivanov", RunningServer.PASSWORD);

        Path file = dataDirectory.resolve(SessionStore.FILE_NAME);
        String stored = Files.readString(file);
        assertThat(stored).contains(session.refreshToken()).contains("ivanov").contains(server.address().toString())
                .doesNotContain(session.accessToken());
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThat(session.user().login()).isEqualTo("ivanov");
        assertThat(events.started).hasSize(1);
    }

    @Test
    void theServersPhoneRulesComeWithTheLoginAndStayForAnOfflineStart() throws Exception {
        server.close();
        PhoneRules kazakh = new PhoneRules("KZ", 4);
        server = RunningServer.startWithPhoneRules(db, kazakh);
        assertThat(sessions().phoneRules()).as("nobody said yet").isEqualTo(PhoneRules.RUSSIA);

        Session session = sessions().login(server.address(), "ivanov", RunningServer.PASSWORD);
        assertThat(session.phones()).isEqualTo(kazakh);
        assertThat(opened.getLast().phoneRules()).isEqualTo(kazakh);

        server.proxy().cut(); // the next start finds no server: the app opens offline, reading numbers as it heard
        assertThat(sessions().phoneRules()).isEqualTo(kazakh);
    }

    @Test
    void theSessionSurvivesARestartOfTheApp() throws Exception {
        Session first = sessions().login(server.address(), "ivanov", RunningServer.PASSWORD);
        opened.getFirst().close();

        Sessions afterRestart = sessions();
        Session resumed = afterRestart.resume().orElseThrow();

        assertThat(resumed.user().login()).isEqualTo("ivanov");
        assertThat(resumed.server()).isEqualTo(server.address());
        assertThat(resumed.refreshToken()).as("the stored one was used up").isNotEqualTo(first.refreshToken());
        assertThat(afterRestart.me().login()).isEqualTo("ivanov");
        assertThat(Files.readString(dataDirectory.resolve(SessionStore.FILE_NAME))).contains(resumed.refreshToken());
    }

    @Test
    void withNothingStoredThereIsNothingToResume() throws Exception {
        assertThat(sessions().resume()).isEmpty();
    }

    @Test
    void aSessionEndedOnTheServerIsForgottenWhenResuming() throws Exception {
        Session session = sessions().login(server.address(), "ivanov", RunningServer.PASSWORD);
        server.api().logout(session.refreshToken()); // e.g. an administrator ended it

        Sessions afterRestart = sessions();
        assertThatThrownBy(afterRestart::resume).isInstanceOf(ServerException.SessionExpired.class);

        assertThat(afterRestart.resume()).as("forgotten").isEmpty();
        assertThat(afterRestart.remembered()).hasValueSatisfying(remembered -> {
            assertThat(remembered.login()).as("kept for the login form").isEqualTo("ivanov");
            assertThat(remembered.server()).isEqualTo(server.address().base());
        });
    }

    @Test
    void anUnreachableServerAtStartKeepsTheStoredSessionForLater() throws Exception {
        sessions().login(server.address(), "ivanov", RunningServer.PASSWORD);
        server.goAway();

        Sessions afterRestart = sessions();
        assertThatThrownBy(afterRestart::resume).isInstanceOf(ServerException.Unreachable.class);

        server.comeBack();
        assertThat(afterRestart.resume()).hasValueSatisfying(s -> assertThat(s.user().login()).isEqualTo("ivanov"));
    }

    @Test
    void theFirstAccessTokenAskedForResumesASessionTheServerWasAwayFor() throws Exception {
        sessions().login(server.address(), "ivanov", RunningServer.PASSWORD);
        server.goAway();
        Sessions afterRestart = sessions();
        assertThatThrownBy(afterRestart::resume).isInstanceOf(ServerException.Unreachable.class);
        assertThatThrownBy(afterRestart::accessToken).isInstanceOf(ServerException.Unreachable.class);

        server.comeBack();

        assertThat(server.api().me(afterRestart.accessToken()).login()).isEqualTo("ivanov");
        assertThat(afterRestart.current()).isPresent();
        assertThat(events.started).hasSize(2); // the login, then the resume
    }

    @Test
    void theStoredSessionRemembersWhoTheOperatorIsForAStartWithoutTheServer() throws Exception {
        Session session = sessions().login(server.address(), "ivanov", RunningServer.PASSWORD);

        SessionStore.Stored stored = new SessionStore(dataDirectory, WireJson.mapper()).load().orElseThrow();

        assertThat(stored.user()).isEqualTo(session.user());
        assertThat(stored.user().name()).isEqualTo("Иван Иванов");
    }

    @Test
    void aSessionFileOfAnOlderVersionWithoutTheOperatorStillResumes() throws Exception {
        Session session = sessions().login(server.address(), "ivanov", RunningServer.PASSWORD);
        opened.getFirst().close();
        Path file = dataDirectory.resolve(SessionStore.FILE_NAME);
        Files.writeString(file, "{\"server\":\"" + server.address().base() + "\",\"login\":\"ivanov\","
                + "\"refreshToken\":\"" + session.refreshToken() + "\"}");

        assertThat(new SessionStore(dataDirectory, WireJson.mapper()).load()).hasValueSatisfying(
                stored -> assertThat(stored.user()).isNull());
        assertThat(sessions().resume()).hasValueSatisfying(s -> assertThat(s.user().login()).isEqualTo("ivanov"));
    }

    @Test
    void aStoredSessionRefusedWhenTheFirstAccessTokenIsAskedForEndsAndSaysSo() throws Exception {
        Session session = sessions().login(server.address(), "ivanov", RunningServer.PASSWORD);
        server.api().logout(session.refreshToken()); // ended by an administrator while the app was closed
        Sessions afterRestart = sessions(); // opened offline, say: nobody resumed it

        assertThatThrownBy(afterRestart::accessToken).isInstanceOf(ServerException.SessionExpired.class);

        await().atMost(Duration.ofSeconds(5)).until(() -> events.ended.contains(SessionEnd.EXPIRED));
        assertThat(afterRestart.resume()).as("forgotten").isEmpty();
    }

    @Test
    void theAccessTokenIsRefreshedInTheBackgroundBeforeItExpires() throws Exception {
        // the server's tokens live 15 minutes: "ahead" by all but a second refreshes a second after each refresh
        Sessions sessions = sessions(RefreshPolicy.defaults().withAhead(Duration.ofMinutes(15).minusSeconds(1)));
        Session first = sessions.login(server.address(), "ivanov", RunningServer.PASSWORD);

        await().atMost(Duration.ofSeconds(30)).until(() -> events.refreshed.size() >= 2);

        Session now = sessions.current().orElseThrow();
        assertThat(now.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(now.accessTokenExpiresAt()).isAfter(first.accessTokenExpiresAt());
        assertThat(sessions.me().login()).isEqualTo("ivanov");
        assertThat(events.ended).as("no refresh ever presented a used token").isEmpty();
    }

    @Test
    void anAccessTokenTheServerRefusesIsRefreshedAndTheCallMadeAgain() throws Exception {
        Sessions sessions = sessions();
        Session first = sessions.login(server.address(), "ivanov", RunningServer.PASSWORD);
        AtomicInteger attempts = new AtomicInteger();

        // the first attempt presents a token the server cannot accept, as an expired one would be
        String login = sessions.call((api, token) ->
                api.me(attempts.getAndIncrement() == 0 ? "expired." + token : token).login());

        assertThat(login).isEqualTo("ivanov");
        assertThat(attempts).hasValue(2);
        assertThat(events.refreshed).hasSize(1);
        assertThat(sessions.current().orElseThrow().refreshToken()).isNotEqualTo(first.refreshToken());
    }

    @Test
    void concurrentRenewalsOfOneRejectedTokenRefreshOnlyOnce() throws Exception {
        Sessions sessions = sessions();
        String rejected = sessions.login(server.address(), "ivanov", RunningServer.PASSWORD).accessToken();
        List<Thread> threads = new CopyOnWriteArrayList<>();
        List<String> renewed = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 4; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    renewed.add(sessions.renewAccessToken(rejected));
                } catch (Exception e) {
                    renewed.add("failed: " + e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(renewed).hasSize(4).containsOnly(sessions.current().orElseThrow().accessToken());
        assertThat(events.refreshed).as("a refresh token presented twice would end the session").hasSize(1);
        assertThat(sessions.me().login()).isEqualTo("ivanov");
    }

    @Test
    void aLogoutEndsTheSessionOnTheServerAndHere() throws Exception {
        Sessions sessions = sessions();
        Session session = sessions.login(server.address(), "ivanov", RunningServer.PASSWORD);

        sessions.logout();

        assertThat(sessions.current()).isEmpty();
        assertThat(events.ended).containsExactly(SessionEnd.LOGGED_OUT);
        assertThatThrownBy(sessions::accessToken).isInstanceOf(ServerException.SessionExpired.class);
        assertThatThrownBy(() -> server.api().refresh(session.refreshToken()))
                .isInstanceOf(ServerException.SessionExpired.class);
        assertThat(Files.readString(dataDirectory.resolve(SessionStore.FILE_NAME)))
                .doesNotContain(session.refreshToken());
        assertThat(sessions().resume()).as("after a restart too").isEmpty();
    }

    @Test
    void aLogoutWhileTheServerIsAwayStillForgetsTheSessionHere() throws Exception {
        Sessions sessions = sessions();
        sessions.login(server.address(), "ivanov", RunningServer.PASSWORD);
        server.goAway();

        sessions.logout();

        assertThat(sessions.current()).isEmpty();
        server.comeBack();
        assertThat(sessions().resume()).isEmpty();
    }

    @Test
    void aLogoutBeforeTheStoredSessionWasResumedEndsItOnTheServerToo() throws Exception {
        Session stored = sessions().login(server.address(), "ivanov", RunningServer.PASSWORD);
        Sessions afterRestart = sessions();

        afterRestart.logout();

        assertThatThrownBy(() -> server.api().refresh(stored.refreshToken()))
                .isInstanceOf(ServerException.SessionExpired.class);
        assertThat(afterRestart.resume()).isEmpty();
    }

    @Test
    void aRefreshRefusedBecauseTheAccountWasDisabledEndsTheSession() throws Exception {
        Sessions sessions = sessions();
        String token = sessions.login(server.address(), "petrov", RunningServer.PASSWORD).accessToken();
        server.disable("petrov");

        assertThatThrownBy(() -> sessions.renewAccessToken(token)).isInstanceOf(ServerException.AccountDisabled.class);

        assertThat(sessions.current()).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> events.ended.contains(SessionEnd.ACCOUNT_DISABLED));
        assertThat(sessions().resume()).isEmpty();
    }

    private static final class Events implements SessionListener {
        final List<Session> started = new CopyOnWriteArrayList<>();
        final List<Session> refreshed = new CopyOnWriteArrayList<>();
        final List<SessionEnd> ended = new CopyOnWriteArrayList<>();

        @Override
        public void sessionStarted(Session session) {
            started.add(session);
        }

        @Override
        public void sessionRefreshed(Session session) {
            refreshed.add(session);
        }

        @Override
        public void sessionEnded(SessionEnd end) {
            ended.add(end);
        }
    }
}
