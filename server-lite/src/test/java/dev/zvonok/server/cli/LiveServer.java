package dev.zvonok.server.cli;

import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.ami.AmiSettings;
import dev.zvonok.server.ami.ClickToCall;
import dev.zvonok.server.auth.AuthSettings;
import com.typesafe.config.ConfigFactory;
import dev.zvonok.server.config.HttpSettings;
import dev.zvonok.server.config.ServerConfig;
import dev.zvonok.server.db.DatabaseSettings;
import dev.zvonok.server.directory.DemoDirectorySeeder;
import dev.zvonok.server.pbx.AmiAccount;
import dev.zvonok.server.pbx.AmiEndpoint;
import dev.zvonok.server.tracking.ExtensionPatternEndpoints;
import java.time.Duration;
import java.time.ZoneId;

/**
 * The whole server for a test: real PostgreSQL, the demo directory (ivanov 777, petrov 888, sidorov 999, supervisor,
 * admin; password "demo"), HTTP and WebSocket on a free port, following a PBX (our AMI endpoint). Public for the
 * desktop app's end-to-end tests (server-lite's test-jar).
 */
public final class LiveServer implements AutoCloseable {

    final CallServer server;

    private LiveServer(CallServer server) {
        this.server = server;
    }

    public static LiveServer start(DatabaseSettings database, AmiEndpoint pbx) {
        return start(database, pbx, AuthSettings.defaults());
    }

    /** With these token lifetimes and login limits (e.g. access tokens of a few seconds). */
    public static LiveServer start(DatabaseSettings database, AmiEndpoint pbx, AuthSettings auth) {
        return start(database, pbx, auth, new HttpSettings("127.0.0.1", 0, ZoneId.of("Europe/Moscow")));
    }

    /** With these HTTP settings (trusted proxies, who may read the metrics). */
    public static LiveServer start(DatabaseSettings database, AmiEndpoint pbx, AuthSettings auth, HttpSettings http) {
        return start(database, amiSettings(pbx.port(), AmiAccount.CRM), auth, http, PhoneNumbers.russian(),
                ClickToCall.Settings.defaults());
    }

    /** Placing calls as {@code clickToCall} says (e.g. a short ring timeout and patience for the PBX's word). */
    public static LiveServer start(DatabaseSettings database, AmiEndpoint pbx, ClickToCall.Settings clickToCall) {
        return start(database, amiSettings(pbx.port(), AmiAccount.CRM), AuthSettings.defaults(),
                new HttpSettings("127.0.0.1", 0, ZoneId.of("Europe/Moscow")), PhoneNumbers.russian(), clickToCall);
    }

    /** Reading phone numbers by other rules than Russia's (what {@code zvonok.phones} configures). */
    public static LiveServer start(DatabaseSettings database, AmiEndpoint pbx, AuthSettings auth,
                                   PhoneNumbers numbers) {
        return start(database, amiSettings(pbx.port(), AmiAccount.CRM), auth,
                new HttpSettings("127.0.0.1", 0, ZoneId.of("Europe/Moscow")), numbers, ClickToCall.Settings.defaults());
    }

    /** Following the PBX as {@code ami} says: another account, another address (a relay), other timings. */
    static LiveServer start(DatabaseSettings database, AmiSettings ami) {
        return start(database, ami, AuthSettings.defaults(),
                new HttpSettings("127.0.0.1", 0, ZoneId.of("Europe/Moscow")), PhoneNumbers.russian(),
                ClickToCall.Settings.defaults());
    }

    /**
     * As {@code configuration} says over the defaults (HOCON, e.g. {@code zvonok.stats.service-level = 30s}), in the
     * zone of the other starts. It does not wait for the statistics: started on a database whose rows were kept for
     * other settings, they are recomputed in the background and answer 503 until then.
     */
    public static LiveServer start(DatabaseSettings database, AmiEndpoint pbx, String configuration) {
        ServerConfig settings = ServerConfig.from(ConfigFactory.parseString(configuration)
                .withFallback(ConfigFactory.parseString("zvonok.http.time-zone = Europe/Moscow"))
                .withFallback(ConfigFactory.defaultReference()).resolve());
        HttpSettings http = new HttpSettings("127.0.0.1", 0, ZoneId.of("Europe/Moscow"));
        return start(CallServer.prepare(database, settings, http), amiSettings(pbx.port(), AmiAccount.CRM), settings.phoneNumbers(), ClickToCall.Settings.defaults());
    }

    private static LiveServer start(DatabaseSettings database, AmiSettings ami, AuthSettings auth, HttpSettings http,
                                    PhoneNumbers numbers, ClickToCall.Settings clickToCall) {
        return start(CallServer.prepare(database, numbers, http, auth), ami, numbers, clickToCall);
    }

    private static LiveServer start(CallServer server, AmiSettings ami, PhoneNumbers numbers,
                                    ClickToCall.Settings clickToCall) {
        try {
            new DemoDirectorySeeder(server.users(), server.companies(), server.dealers(), numbers).seed();
            server.followPbx(ami, ExtensionPatternEndpoints.standard(), clickToCall).listen();
            if (!server.tracking().connection().awaitConnected(Duration.ofSeconds(10))) {
                throw new IllegalStateException("the server did not log in to the PBX");
            }
        } catch (Exception e) {
            server.close();
            throw new IllegalStateException(e);
        }
        return new LiveServer(server);
    }

    /** How tests log in: on loopback, quick to reconnect. */
    static AmiSettings amiSettings(int port, AmiAccount account) {
        return AmiSettings.of("127.0.0.1", port, account.username(), account.secret())
                .withReconnect(Duration.ofMillis(50), Duration.ofMillis(500));
    }

    public int port() {
        return server.httpPort();
    }

    OperatorClient operator(String login) throws Exception {
        return OperatorClient.connect(port(), login);
    }

    @Override
    public void close() {
        server.close();
    }
}
