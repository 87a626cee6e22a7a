package dev.zvonok.app.testing;

import static dev.zvonok.server.db.schema.Tables.CALLS;
import static org.awaitility.Awaitility.await;

import dev.zvonok.server.cli.LiveServer;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.pbx.AmiEndpoint;
import dev.zvonok.server.pbx.PbxReplay;
import dev.zvonok.server.pbx.PlaybackSpeed;
import dev.zvonok.server.pbx.TraceTimeline;
import java.net.URI;
import java.time.Duration;

/**
 * The whole server in-process, following a PBX that replays recorded Asterisk traces ten times faster: demo users
 * ivanov (777), petrov (888), sidorov (999), supervisor, admin, password "demo".
 */
public final class RealServer implements AutoCloseable {

    public static final String PASSWORD = "demo";

    private final TestDatabase db;
    private final PbxReplay pbx;
    private final LiveServer server;

    private RealServer(TestDatabase db, PbxReplay pbx, LiveServer server) {
        this.db = db;
        this.pbx = pbx;
        this.server = server;
    }

    public static RealServer start(TestDatabase db) {
        db.clean();
        PbxReplay pbx = PbxReplay.start(AmiEndpoint.builder(), PlaybackSpeed.times(10));
        try {
            return new RealServer(db, pbx, LiveServer.start(db.settings(), pbx.endpoint()));
        } catch (RuntimeException e) {
            pbx.close();
            throw e;
        }
    }

    public URI address() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /**
     * Plays a trace of {@code server-lite/src/main/resources/ami-traces} and waits until its calls are recorded as
     * ended.
     *
     * @param calls how many calls the trace holds
     */
    public void play(String trace, int calls) {
        int before = endedCalls();
        pbx.player().schedule(TraceTimeline.loadResource("/ami-traces/" + trace + ".ami").events(), Duration.ZERO);
        await().atMost(Duration.ofSeconds(30)).until(() -> endedCalls() >= before + calls);
    }

    private int endedCalls() {
        return db.dsl().fetchCount(CALLS, CALLS.ENDED_AT.isNotNull());
    }

    @Override
    public void close() {
        server.close();
        pbx.close();
    }
}
