package dev.zvonok.server.cli;

import static dev.zvonok.server.db.schema.Tables.CALLS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import dev.zvonok.model.api.ApiError;
import dev.zvonok.model.api.HealthDetails;
import dev.zvonok.model.board.BoardChange;
import dev.zvonok.model.board.BoardSnapshot;
import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.model.stats.StatisticsState;
import dev.zvonok.model.ws.ClientMessage;
import dev.zvonok.model.ws.ServerMessage;
import dev.zvonok.model.ws.ServerMessage.BoardChanged;
import dev.zvonok.model.ws.ServerMessage.CallEnded;
import dev.zvonok.model.ws.ServerMessage.IncomingCall;
import dev.zvonok.server.ami.ClickToCall;
import dev.zvonok.server.api.Json;
import dev.zvonok.server.auth.AuthSettings;
import dev.zvonok.server.config.HttpSettings;
import dev.zvonok.server.config.ServerConfig;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.directory.DemoDirectorySeeder;
import dev.zvonok.server.pbx.AmiAccount;
import dev.zvonok.server.pbx.AmiEndpoint;
import dev.zvonok.server.pbx.PbxReplay;
import dev.zvonok.server.pbx.PlaybackSpeed;
import dev.zvonok.server.pbx.TraceTimeline;
import dev.zvonok.server.stats.StatsCalls;
import dev.zvonok.server.tracking.ExtensionPatternEndpoints;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A start after a change of the statistics' settings (here the service level, 20 s → 30 s) on a database with calls:
 * the server follows the PBX, lets people in, pops cards and records calls at once, while the statistics are
 * recomputed in the background — held here mid-way, without a sleep, by a lock the test keeps on one of the tables the
 * recompute empties — and answer 503 meanwhile, while a supervisor's live board says so in words; once it is done, the
 * board is told at once, and the call recorded during it is counted, once.
 */
class StatisticsRecomputeTest {

    private static final ObjectMapper JSON = Json.mapper();
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @Test
    void aStartAfterASettingsChangeFollowsCallsAtOnceAndCountsThemAfterTheRecompute() throws Exception {
        PhoneNumbers numbers = PhoneNumbers.russian();
        HttpSettings http = new HttpSettings("127.0.0.1", 0, MOSCOW);
        // the server as it ran before, with the standard settings: the directory, and a call of this hour
        try (CallServer before = CallServer.prepare(db.settings(), numbers, http, AuthSettings.defaults())) {
            new DemoDirectorySeeder(before.users(), before.companies(), before.dealers(), numbers).seed();
        }
        new StatsCalls(db.dsl()).call("kept", "inbound", "+79990000001", null, "+74951234567", null, "missed",
                Instant.now(), null, 10, null);
        // hours with calls nobody has asked the statistics about yet: their marks are what a writer's trigger meets
        db.dsl().execute("insert into stats_hour_stale (hour) values (date_trunc('hour', now(), 'UTC') + interval "
                + "'1 hour') on conflict do nothing");
        ServerConfig thirtySeconds = ServerConfig.from(ConfigFactory.parseString(
                        "zvonok.http.time-zone = Europe/Moscow, zvonok.stats.service-level = 30s")
                .withFallback(ConfigFactory.defaultReference()).resolve());

        try (Connection holder = db.dataSource().getConnection();
             PbxReplay pbx = PbxReplay.start(AmiEndpoint.builder(), PlaybackSpeed.times(10))) {
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                // the recompute empties this table after it forgot the stale marks: it waits here, mid-way
                lock.execute("lock table stats_day_operator_queues in access share mode");
            }
            CallServer server = CallServer.prepare(db.settings(), thirtySeconds, http);
            try {
                server.followPbx(LiveServer.amiSettings(pbx.endpoint().port(), AmiAccount.CRM),
                        ExtensionPatternEndpoints.standard(), ClickToCall.Settings.defaults()).listen();
                assertThat(server.tracking().connection().awaitConnected(Duration.ofSeconds(10))).isTrue();
                await().atMost(Duration.ofSeconds(30)).until(() -> db.dsl().fetchValue(DSL.field(
                        "(select count(*) from pg_locks where relation = 'stats_day_operator_queues'::regclass "
                                + "and not granted)", Long.class)) > 0);
                assertThat(server.statisticsRecompute().recomputingSince()).isPresent();
                StatsHttp api = new StatsHttp(server.httpPort());

                // the statistics say so at once, in every format, with when to ask again
                HttpResponse<byte[]> summary = api.get("supervisor", "/api/stats/summary");
                assertThat(summary.statusCode()).isEqualTo(503);
                assertThat(summary.headers().firstValue("Retry-After")).contains("30");
                ApiError error = JSON.readValue(summary.body(), ApiError.class);
                assertThat(error.code()).isEqualTo(ApiError.STATISTICS_RECOMPUTING);
                assertThat(error.message()).contains("since " + server.statisticsRecompute().recomputingSince()
                        .orElseThrow());
                assertThat(api.status("admin", "/api/stats/operators?format=csv")).isEqualTo(503);
                assertThat(api.status("ivanov", "/api/stats/my")).isEqualTo(503);
                // the server is up: /health says the statistics are being recomputed, not that anything is down
                HttpResponse<byte[]> health = api.get("admin", "/health");
                assertThat(health.statusCode()).isEqualTo(200);
                HealthDetails details = JSON.readValue(health.body(), HealthDetails.class);
                assertThat(details.down()).isEmpty();
                assertThat(details.statistics().state()).isEqualTo(HealthDetails.Statistics.RECOMPUTING);
                // the board answers, its counters unknown rather than zeros nobody counted
                JsonNode board = api.json("supervisor", "/api/board");
                assertThat(board.get("operators")).isNotEmpty();
                assertThat(board.get("counters") == null || board.get("counters").isNull()).isTrue();

                // a supervisor's live board says why its counters are blank
                try (OperatorClient supervisor = OperatorClient.connect(server.httpPort(), "supervisor")) {
                    supervisor.send(new ClientMessage.SubscribeBoard("b"));
                    BoardSnapshot live = supervisor.await(ServerMessage.Board.class, b -> "b".equals(b.ref())).board();
                    assertThat(live.statistics()).isEqualTo(StatisticsState.RECOMPUTING);
                    assertThat(live.counters()).isNull();

                    // a call rings, its card pops, and it is recorded (its hour's mark does not hold the writer up)
                    try (OperatorClient ivanov = OperatorClient.connect(server.httpPort(), "ivanov")) {
                        pbx.player().schedule(TraceTimeline.loadResource(
                                "/ami-traces/01-inbound-answered-caller-hangup.ami").events(), Duration.ZERO);
                        String callId = ivanov.await(IncomingCall.class).callId();
                        assertThat(ivanov.await(CallEnded.class).callId()).isEqualTo(callId);
                    }
                    server.recorder().awaitIdle(Duration.ofSeconds(10));
                    assertThat(db.dsl().fetchCount(CALLS, CALLS.ENDED_AT.isNotNull())).as("recorded meanwhile").isEqualTo(2);

                    holder.rollback(); // the recompute goes on
                    server.statisticsRecompute().done().get(60, TimeUnit.SECONDS);
                    // the supervisor's board is told at once, not with the next call: its words and counters together
                    BoardChange back = supervisor.await(BoardChanged.class, c -> c.change().statistics() != null)
                            .change();
                    assertThat(back.statistics()).isEqualTo(StatisticsState.READY);
                    assertThat(back.counters()).as("counted again, in the same frame").isNotNull();
                }

                var range = db.dsl().select(DSL.min(CALLS.STARTED_AT), DSL.max(CALLS.STARTED_AT)).from(CALLS)
                        .fetchOne();
                String days = "dateFrom=" + range.value1().atZoneSameInstant(MOSCOW).toLocalDate() + "&dateTo="
                        + range.value2().atZoneSameInstant(MOSCOW).toLocalDate();
                JsonNode counted = api.json("supervisor", "/api/stats/summary?" + days);
                assertThat(counted.at("/inbound/total").asLong()).as("the kept call and the one recorded meanwhile")
                        .isEqualTo(2);
                assertThat(counted.at("/inbound/answered").asLong()).isEqualTo(1);
                assertThat(counted.at("/inbound/serviceLevelThresholdSeconds").asInt()).isEqualTo(30);
                HealthDetails after = JSON.readValue(api.get("admin", "/health").body(), HealthDetails.class);
                assertThat(after.statistics().state()).isEqualTo(HealthDetails.Statistics.READY);
            } finally {
                server.close();
            }
        }
    }
}
