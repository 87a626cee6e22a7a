package dev.zvonok.server.cli;

import static dev.zvonok.server.db.schema.Tables.CALLS;
import static org.awaitility.Awaitility.await;

import dev.zvonok.server.amiwire.TimedMessage;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.pbx.AmiEndpoint;
import dev.zvonok.server.pbx.PbxReplay;
import dev.zvonok.server.pbx.PlaybackSpeed;
import dev.zvonok.server.pbx.TraceTimeline;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.function.Predicate;
import org.jooq.impl.DSL;
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

    /** The call centre's zone of {@link LiveServer}: the days the statistics count in. */
    private static final ZoneId CALL_CENTRE = ZoneId.of("Europe/Moscow");

    private final TestDatabase db;
    private PbxReplay pbx;
    private LiveServer server;
    private StatsHttp http;

    ReplayedServer(TestDatabase db) {
        this.db = db;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        db.clean();
        pbx = PbxReplay.start(AmiEndpoint.builder(), PlaybackSpeed.times(10));
        server = LiveServer.start(db.settings(), pbx.endpoint());
        http = new StatsHttp(server.port());
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

    /** The server's REST routes, as a logged-in user asks for them. */
    StatsHttp http() {
        return http;
    }

    /** Plays a recording of pbx-sim's {@code /ami-traces/} from now on. */
    void play(String trace) {
        pbx.player().schedule(TraceTimeline.loadResource("/ami-traces/" + trace + ".ami").events(), Duration.ZERO);
    }

    /**
     * Plays the messages of a recording that {@code kept} keeps, each stamped with Asterisk's {@code Timestamp}: the
     * PBX's clock showing {@code zero} when the recorder switched events on, plus the message's moment in the
     * recording, so that every duration is the recording's own to the millisecond, whatever the replay's speed. Waits
     * until {@code calls} calls have ended in the database; the days they fall on, as a statistics query
     * ({@code dateFrom=…&dateTo=…}).
     */
    String playStamped(String trace, Instant zero, Predicate<TimedMessage> kept, int calls) {
        pbx.player().schedule(TraceTimeline.loadResource("/ami-traces/" + trace + ".ami").withPbxTimestamps(zero)
                .events().stream().filter(kept).toList(), Duration.ZERO);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                db.dsl().fetchCount(CALLS, CALLS.ENDED_AT.isNotNull()) == calls);
        var range = db.dsl().select(DSL.min(CALLS.STARTED_AT), DSL.max(CALLS.STARTED_AT)).from(CALLS).fetchOne();
        return "dateFrom=" + day(range.value1()) + "&dateTo=" + day(range.value2());
    }

    private static LocalDate day(OffsetDateTime at) {
        return at.atZoneSameInstant(CALL_CENTRE).toLocalDate();
    }
}
