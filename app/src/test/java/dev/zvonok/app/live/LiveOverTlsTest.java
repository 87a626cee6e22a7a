package dev.zvonok.app.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zvonok.app.server.RefreshPolicy;
import dev.zvonok.app.server.ServerAddress;
import dev.zvonok.app.server.ServerApi;
import dev.zvonok.app.server.ServerException;
import dev.zvonok.app.server.ServerTrust;
import dev.zvonok.app.server.SessionStore;
import dev.zvonok.app.server.Sessions;
import dev.zvonok.app.server.WireJson;
import dev.zvonok.model.api.TokenResponse;
import dev.zvonok.model.ws.ServerMessage.Authenticated;
import dev.zvonok.server.auth.AuthSettings;
import dev.zvonok.server.cli.LiveServer;
import dev.zvonok.server.config.HttpSettings;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.pbx.AmiEndpoint;
import dev.zvonok.server.pbx.PbxReplay;
import dev.zvonok.server.pbx.PlaybackSpeed;
import dev.zvonok.server.tls.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app's real adapters against the real server behind a certificate from the call centre's own authority: with
 * that authority's file (as Settings give it) the operator logs in over HTTPS and the live connection authenticates
 * over WSS; without it, the server is "not trusted", never "unreachable".
 */
class LiveOverTlsTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path dir;

    private PbxReplay pbx;
    private LiveServer server;
    private TestCertificates ca;
    private ServerAddress address;
    private Sessions sessions;
    private LiveConnection live;

    @BeforeEach
    void start() {
        db.clean();
        pbx = PbxReplay.start(AmiEndpoint.builder(), PlaybackSpeed.times(10));
        ca = TestCertificates.authority(dir);
        server = LiveServer.start(db.settings(), pbx.endpoint(), AuthSettings.defaults(),
                new HttpSettings("127.0.0.1", 0, ZoneId.of("Europe/Moscow"))
                        .withTls(ca.issue("localhost").pemSettings()));
        address = ServerAddress.of("https://localhost:" + server.port());
    }

    @AfterEach
    void stop() {
        if (live != null) {
            live.close();
        }
        if (sessions != null) {
            sessions.close();
        }
        server.close();
        pbx.close();
    }

    private ServerApi api(ServerTrust trust) {
        return new ServerApi(address, ServerApi.newHttpClient(trust), WireJson.mapper(), Duration.ofSeconds(5));
    }

    @Test
    void withTheAuthoritysFileTheOperatorLogsInAndTheLiveConnectionAuthenticates() throws Exception {
        ServerTrust trust = ServerTrust.withExtraAuthorities(ca.caFile());
        sessions = new Sessions(new SessionStore(dir.resolve("data"), WireJson.mapper()), server -> api(trust),
                RefreshPolicy.defaults(), Clock.systemUTC());
        sessions.login(address, "ivanov", "demo");
        assertThat(address.webSocket().toString()).startsWith("wss://localhost:");

        LiveEvents events = new LiveEvents();
        live = new LiveConnection(address.webSocket(), sessions, LiveConnectionTest.QUICK, WireJson.mapper(), trust);
        live.addListener(events);
        live.start();

        events.awaitState(ConnectionState.Connected.class);
        assertThat(events.await(Authenticated.class).user().login()).isEqualTo("ivanov");
    }

    @Test
    void theSystemsAuthoritiesAloneDoNotTrustTheServerAndTheAppSaysSo() throws Exception {
        assertThatThrownBy(() -> api(ServerTrust.system()).login("ivanov", "demo"))
                .isInstanceOf(ServerException.Untrusted.class);

        TokenResponse tokens = api(ServerTrust.withExtraAuthorities(ca.caFile())).login("ivanov", "demo");
        LiveEvents events = new LiveEvents();
        live = new LiveConnection(address.webSocket(), new FixedToken(tokens.accessToken()),
                LiveConnectionTest.QUICK, WireJson.mapper(), ServerTrust.system());
        live.addListener(events);
        live.start();

        ConnectionState.Reconnecting refused = events.awaitState(ConnectionState.Reconnecting.class);
        assertThat(refused.reason()).contains("not trusted");
        assertThat(events.messages).isEmpty();
    }

    @Test
    void anotherAuthoritysFileDoesNotHelp() throws Exception {
        Path stranger = TestCertificates.authority(Files.createDirectory(dir.resolve("other"))).caFile();

        assertThatThrownBy(() -> api(ServerTrust.withExtraAuthorities(stranger)).login("ivanov", "demo"))
                .isInstanceOf(ServerException.Untrusted.class);
    }

    /** One token, always: the live connection's view of a session, without refreshing over HTTP. */
    private record FixedToken(String token) implements dev.zvonok.app.server.AccessTokenSource {
        @Override
        public String accessToken() {
            return token;
        }

        @Override
        public String renewAccessToken(String rejected) {
            return token;
        }
    }
}
