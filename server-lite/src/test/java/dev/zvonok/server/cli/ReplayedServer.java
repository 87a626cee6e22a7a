package dev.zvonok.server.cli;

import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.pbx.AmiEndpoint;
import dev.zvonok.server.pbx.PbxReplay;
import dev.zvonok.server.pbx.PlaybackSpeed;
import dev.zvonok.server.pbx.TraceTimeline;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole server following a PBX that replays recorded traces ten times faster, fresh for every test on a cleaned
 * database:
 *
 * <pre>{@code
 * @RegisterExtension static final TestDatabase db = new TestDatabase();
 * @RegisterExtension final ReplayedServer replayed = new ReplayedServer(db);
 *
 * @Test void something() { replayed.play("01-inbound-answered-caller-hangup"); ... replayed.server().operator("ivanov"); }
 * }</pre>
 */
final class ReplayedServer implements BeforeEachCallback, AfterEachCallback {

    private final TestDatabase db;
    private PbxReplay pbx;
    private LiveServer server;

    ReplayedServer(TestDatabase db) {
        this.db = db;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        db.clean();
        pbx = PbxReplay.start(AmiEndpoint.builder(), PlaybackSpeed.times(10));
        server = LiveServer.start(db.settings(), pbx.endpoint());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        server.close();
        pbx.close();
    }

    LiveServer server() {
        return server;
    }

    PbxReplay pbx() {
        return pbx;
    }

    /** Plays a recording of pbx-sim's {@code /ami-traces/} from now on. */
    void play(String trace) {
        pbx.player().schedule(TraceTimeline.loadResource("/ami-traces/" + trace + ".ami").events(), Duration.ZERO);
    }
}
