package dev.zvonok.app.server;

import static dev.zvonok.server.db.schema.Tables.CALLS;
import static dev.zvonok.server.db.schema.Tables.USERS;
import static org.awaitility.Awaitility.await;

import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.model.phone.PhoneRules;
import dev.zvonok.server.auth.AuthSettings;
import dev.zvonok.server.cli.LiveServer;
import dev.zvonok.server.db.DatabaseSettings;
import dev.zvonok.server.db.TcpProxy;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.pbx.AcknowledgingCallControl;
import dev.zvonok.server.pbx.AmiEndpoint;
import dev.zvonok.server.pbx.CallControl;
import dev.zvonok.server.pbx.PbxReplay;
import dev.zvonok.server.pbx.PlaybackSpeed;
import dev.zvonok.server.pbx.RungPhone;
import dev.zvonok.server.pbx.TimelinePlayer;
import dev.zvonok.server.pbx.TraceTimeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

/**
 * The real server-lite for the app's tests, in-process: PostgreSQL (the test's database), the demo directory
 * (ivanov 777, petrov 888, sidorov 999, supervisor, admin; password "demo"), a recorded PBX played ten times faster,
 * and a {@link TcpProxy} in front, so the app always finds the server at one address even across restarts.
 */
public final class RunningServer implements AutoCloseable {

    public static final String PASSWORD = "demo";
    /** A recorded call for ivanov (777): rings, he answers, the caller hangs up; his card waits for Finish. */
    public static final String IVANOV_ANSWERS = "01-inbound-answered-caller-hangup";

    private final TestDatabase db;
    private final DatabaseSettings database;
    private final TcpProxy databaseRelay;
    private final PbxReplay pbx;
    private final TcpProxy proxy;
    private final AuthSettings auth;
    private final PhoneNumbers numbers;
    private LiveServer server;

    private RunningServer(TestDatabase db, TcpProxy databaseRelay, PlaybackSpeed speed, AuthSettings auth) {
        this(db, databaseRelay, speed, auth, PhoneNumbers.russian());
    }

    private RunningServer(TestDatabase db, TcpProxy databaseRelay, PlaybackSpeed speed, AuthSettings auth,
                          PhoneNumbers numbers) {
        this(db, databaseRelay, speed, auth, numbers, AmiEndpoint.builder());
    }

    private RunningServer(TestDatabase db, TcpProxy databaseRelay, PlaybackSpeed speed, AuthSettings auth,
                          PhoneNumbers numbers, AmiEndpoint.Builder endpoint) {
        this.numbers = numbers;
        this.auth = auth;
        this.db = db;
        this.databaseRelay = databaseRelay;
        this.database = databaseRelay == null ? db.settings()
                : DatabaseSettings.external(db.jdbcUrlVia("127.0.0.1", databaseRelay.port()), db.user(),
                        db.password()).withPool(4, Duration.ofMillis(500));
        this.pbx = PbxReplay.start(endpoint, speed);
        this.server = LiveServer.start(database, pbx.endpoint(), auth, numbers);
        try {
            this.proxy = new TcpProxy(server.port());
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        }
    }

    /** Starts on a cleaned database; recordings play ten times faster than recorded. */
    public static RunningServer start(TestDatabase db) {
        return start(db, PlaybackSpeed.times(10));
    }

    public static RunningServer start(TestDatabase db, PlaybackSpeed speed) {
        db.clean();
        return new RunningServer(db, null, speed, AuthSettings.defaults());
    }

    /** Starts with access tokens that live only {@code lifetime} (a few seconds: sockets must renew them). */
    public static RunningServer startWithTokenLifetime(TestDatabase db, Duration lifetime) {
        db.clean();
        return new RunningServer(db, null, PlaybackSpeed.times(10),
                AuthSettings.defaults().withTokenTtls(lifetime, Duration.ofDays(1)));
    }

    /** Starts reading phone numbers by {@code rules} (the server's {@code zvonok.phones} settings). */
    public static RunningServer startWithPhoneRules(TestDatabase db, PhoneRules rules) {
        db.clean();
        return new RunningServer(db, null, PlaybackSpeed.times(10), AuthSettings.defaults(), new PhoneNumbers(rules));
    }

    /**
     * Starts with a PBX whose phones do what {@code phones} says when an Originate rings them (by dial string,
     * {@code PJSIP/777}; asked at each Originate, so a test may change its answer): busy, not picked up...
     */
    public static RunningServer startWithPhones(TestDatabase db, Function<String, RungPhone> phones) {
        db.clean();
        return new RunningServer(db, null, PlaybackSpeed.times(10), AuthSettings.defaults(), PhoneNumbers.russian(),
                AmiEndpoint.builder().callControl(new AcknowledgingCallControl().phones(phones)));
    }

    /** Starts with a PBX that answers Originate, Redirect... as {@code control} says (e.g. reports an order later). */
    public static RunningServer startWithCallControl(TestDatabase db, CallControl control) {
        db.clean();
        return new RunningServer(db, null, PlaybackSpeed.times(10), AuthSettings.defaults(), PhoneNumbers.russian(),
                AmiEndpoint.builder().callControl(control));
    }

    /** The PBX the server follows: a test may publish an event of its own. */
    public AmiEndpoint pbx() {
        return pbx.endpoint();
    }

    /** Starts with its database behind a relay, so that a test can take the database away from it. */
    public static RunningServer startWithDatabaseRelay(TestDatabase db) throws IOException {
        db.clean();
        return new RunningServer(db, new TcpProxy(db.port()), PlaybackSpeed.times(10), AuthSettings.defaults());
    }

    /** The relay between the server and its database; only for {@link #startWithDatabaseRelay}. */
    public TcpProxy databaseRelay() {
        return databaseRelay;
    }

    /** The server's address as the app knows it: through the relay. */
    public ServerAddress address() {
        return new ServerAddress(URI.create("http://127.0.0.1:" + proxy.port()));
    }

    public TcpProxy proxy() {
        return proxy;
    }

    /**
     * The app's session keeping as a new app process has it, storing its session in {@code dataDirectory}: what the
     * app's own adapters talk to this server through. Close it after the test.
     */
    public static Sessions newSessions(Path dataDirectory) {
        return new Sessions(new SessionStore(dataDirectory, WireJson.mapper()),
                address -> new ServerApi(address, ServerApi.newHttpClient(), WireJson.mapper(), Duration.ofSeconds(5)),
                RefreshPolicy.defaults(), Clock.systemUTC());
    }

    public ServerApi api() {
        return new ServerApi(address(), ServerApi.newHttpClient(), WireJson.mapper(), Duration.ofSeconds(10));
    }

    /** The replaying PBX's player, for a test that plays a recording a phase at a time. */
    public TimelinePlayer player() {
        return pbx.player();
    }

    /** Plays a recorded trace from pbx-sim's {@code /ami-traces/}. */
    public void play(String trace) {
        pbx.player().schedule(TraceTimeline.loadResource("/ami-traces/" + trace + ".ami").events(), Duration.ZERO);
    }

    /** Plays a recorded trace and waits until its {@code calls} calls are recorded as ended. */
    public void play(String trace, int calls) {
        int before = endedCalls();
        play(trace);
        awaitRecordedEndedCalls(before + calls);
    }

    /** Calls the recorder has written as ended. */
    public int endedCalls() {
        return db.dsl().fetchCount(CALLS, CALLS.ENDED_AT.isNotNull());
    }

    /** Waits until the recorder wrote {@code ended} finished calls: what a restarted server restores cards from. */
    public void awaitRecordedEndedCalls(int ended) {
        await().atMost(Duration.ofSeconds(60)).until(() -> endedCalls() >= ended);
    }

    /** A server restart: the old process goes away, a new one starts on the same database, at the same address. */
    public void restart() {
        proxy.cut();
        server.close();
        server = LiveServer.start(database, pbx.endpoint(), auth, numbers);
        proxy.retarget(server.port());
        proxy.restore();
    }

    /**
     * A restart as {@code configuration} says over the defaults (HOCON, e.g. other statistics settings: then they are
     * recomputed in the background), on the same database, at the same address.
     */
    public void restartWith(String configuration) {
        proxy.cut();
        server.close();
        server = LiveServer.start(database, pbx.endpoint(), configuration);
        proxy.retarget(server.port());
        proxy.restore();
    }

    /** The server goes away (connections reset, new ones refused) until {@link #comeBack()}. */
    public void goAway() {
        proxy.cut();
    }

    public void comeBack() {
        proxy.restore();
    }

    public void disable(String login) {
        db.dsl().update(USERS).set(USERS.ACTIVE, false).where(USERS.LOGIN.eq(login)).execute();
    }

    @Override
    public void close() {
        if (proxy != null) {
            proxy.close();
        }
        if (server != null) {
            server.close();
        }
        pbx.close();
        if (databaseRelay != null) {
            databaseRelay.close();
        }
    }
}
