package dev.zvonok.server.cli;

import static dev.zvonok.server.db.schema.Tables.WORK_STATUS_LOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zvonok.model.board.WorkStatus;
import dev.zvonok.model.ws.ClientMessage;
import dev.zvonok.model.ws.ServerMessage.WorkStatusChanged;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.db.schema.tables.records.WorkStatusLogRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The operators' time in the statistics comes from the work-status log their apps' WebSocket status messages write:
 * an operator connects, takes a lunch break, comes back, leaves; the operators' table (JSON and CSV) adds up the very
 * rows the server logged.
 */
class WorkTimeOverWebSocketTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    final ReplayedServer replayed = new ReplayedServer(db);

    @Test
    void anOperatorsDayOfStatusesIsTheirLoggedInAndBreakTime() throws Exception {
        long ivanov = replayed.server().server.users().findByLogin("ivanov").orElseThrow().id();
        try (OperatorClient app = replayed.server().operator("ivanov")) {
            app.send(new ClientMessage.SetWorkStatus("b1", WorkStatus.BREAK, "lunch"));
            app.await(WorkStatusChanged.class, w -> "b1".equals(w.ref()));
            app.send(new ClientMessage.SetWorkStatus("b2", WorkStatus.AVAILABLE, null));
            app.await(WorkStatusChanged.class, w -> "b2".equals(w.ref()));
        }
        // the last app closed: the open stretch ends, so the figures no longer depend on when they are asked
        await().atMost(Duration.ofSeconds(10)).until(() -> db.dsl().fetchCount(WORK_STATUS_LOG,
                WORK_STATUS_LOG.USER_ID.eq(ivanov), WORK_STATUS_LOG.ENDED_AT.isNull()) == 0);
        List<WorkStatusLogRecord> rows = db.dsl().selectFrom(WORK_STATUS_LOG)
                .where(WORK_STATUS_LOG.USER_ID.eq(ivanov)).orderBy(WORK_STATUS_LOG.ID).fetch();
        assertThat(rows).extracting(WorkStatusLogRecord::getStatus, WorkStatusLogRecord::getReason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("available", null),
                        org.assertj.core.groups.Tuple.tuple("break", "lunch"),
                        org.assertj.core.groups.Tuple.tuple("available", null));
        // to the microsecond the database keeps, in whole milliseconds as the server adds them up
        long loggedInMs = Math.round(rows.stream().mapToLong(WorkTimeOverWebSocketTest::nanos).sum() / 1e6);
        long lunchMs = Math.round(nanos(rows.get(1)) / 1e6);

        StatsHttp http = new StatsHttp(replayed.server().port());
        JsonNode operator = null;
        for (JsonNode o : http.json("admin", "/api/stats/operators").get("operators")) {
            if (o.get("login").asText().equals("ivanov")) {
                operator = o;
            }
        }
        assertThat(operator).as("logged in today, no call: in the table all the same").isNotNull();
        assertThat(operator.get("offers").asLong()).isZero();
        assertThat(operator.get("loggedInSeconds").asLong()).isEqualTo(Math.round(loggedInMs / 1000.0));
        assertThat(operator.get("breakSeconds").asLong()).isEqualTo(Math.round(lunchMs / 1000.0));
        assertThat(operator.at("/breakSecondsByReason/lunch").asLong()).isEqualTo(Math.round(lunchMs / 1000.0));
        if (loggedInMs > lunchMs) {
            assertThat(operator.get("occupancy").asDouble()).as("available, no call").isZero();
        } else {
            assertThat(operator.get("occupancy").isNull()).as("no available time at all").isTrue();
        }

        String csv = new String(http.get("admin", "/api/stats/operators?format=csv").body(), StandardCharsets.UTF_8);
        List<String> lines = csv.substring(1).lines().toList();
        List<String> header = Arrays.asList(lines.getFirst().split(","));
        List<String> row = lines.stream().filter(line -> line.contains(",ivanov,")).findFirst()
                .map(line -> Arrays.asList(line.split(",", -1))).orElseThrow();
        assertThat(row.get(header.indexOf("loggedInSeconds"))).isEqualTo(operator.get("loggedInSeconds").asText());
        assertThat(row.get(header.indexOf("breakSecondsByReason.lunch")))
                .isEqualTo(operator.at("/breakSecondsByReason/lunch").asText());
        assertThat(row.get(header.indexOf("occupancy"))).isEqualTo(operator.get("occupancy").isNull() ? ""
                : operator.get("occupancy").asText());
    }

    private static long nanos(WorkStatusLogRecord row) {
        return Duration.between(row.getStartedAt(), row.getEndedAt()).toNanos();
    }
}
