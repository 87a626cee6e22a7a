package dev.zvonok.server.cli;

import static dev.zvonok.server.db.schema.Tables.CALLS;
import static dev.zvonok.server.cli.StatsRoutesTest.DAY;
import static dev.zvonok.server.cli.StatsRoutesTest.DAY_10;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zvonok.model.api.CallListParameters;
import dev.zvonok.model.api.CountedIn;
import dev.zvonok.model.call.CallDirection;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.stats.StatsCalls;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A supervisor's drill-downs against the whole server: the calls of a queue their team served count for every hour of
 * the statistics' period — also an hour before the team first served it — and the journal of that hour lists them, as
 * it lists none of the calls that only rang somebody else, nor a call still ringing. 2026-11-10 in Moscow; the teams are
 * {@link StatsTeams}'.
 */
class StatsDrillDownsTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    /** 09:00 in Moscow, on {@link StatsRoutesTest#DAY}. */
    static final Instant NINE = Instant.parse("2026-11-10T06:00:00Z");

    private static CallServer server;
    private static StatsHttp http;

    @BeforeAll
    static void aDayOfQueues() {
        server = StatsTeams.open(db);
        http = new StatsHttp(server.httpPort());
        StatsCalls calls = new StatsCalls(db.dsl());
        long petrov = id("petrov");
        long sidorov = id("sidorov");
        // q1 09:10 gave up in the queue sales before any phone rang; Петров first serves sales at 10:05 (q2)
        calls.call("q1", "inbound", "+79990000001", null, "+74951234567", "sales", "abandoned",
                NINE.plusSeconds(600), null, 30, null);
        Instant q2At = NINE.plusSeconds(3900);
        long q2 = calls.call("q2", "inbound", "+79990000002", null, "+74951234567", "sales", "answered", q2At, 5, 65,
                null);
        calls.part(q2, "888", petrov, q2At, 5, 65, "answered", 10_000L, null, null);
        // q3 10:15 gave up in billing, which only Сидоров served (q4 10:20): not the team's
        calls.call("q3", "inbound", "+79990000003", null, "+74951234567", "billing", "abandoned",
                NINE.plusSeconds(4500), null, 20, null);
        Instant q4At = NINE.plusSeconds(4800);
        long q4 = calls.call("q4", "inbound", "+79990000004", null, "+74951234567", "billing", "answered", q4At, 5,
                45, null);
        calls.part(q4, "999", sidorov, q4At, 5, 45, "answered", 5_000L, null, null);
        // s1 11:00 rang only Сидоров: not the team's
        Instant s1At = NINE.plusSeconds(7200);
        long s1 = calls.call("s1", "inbound", "+79990000005", null, "+74951234567", null, "missed", s1At, null, 20,
                null);
        calls.part(s1, "999", sidorov, s1At, null, 20, "missed", null, null, null);
        // r1 11:30 still in the queue sales: no outcome yet
        long r1 = calls.call("r1", "inbound", "+79990000006", null, "+74951234567", "sales", null,
                NINE.plusSeconds(9000), null, 1, null);
        db.dsl().update(CALLS).setNull(CALLS.ENDED_AT).where(CALLS.ID.eq(r1)).execute();
        // o1 12:00 Иванов calls out
        long ivanov = id("ivanov");
        Instant o1At = NINE.plusSeconds(10800);
        long o1 = calls.call("o1", "outbound", "777", ivanov, "+79990000003", null, "answered", o1At, 5, 35, null);
        calls.part(o1, "777", ivanov, o1At, 5, 35, "answered", 0L, null, null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aQueueTheTeamServedCountsAndIsListedEvenInAnHourBeforeTheyServedIt() throws Exception {
        JsonNode hours = http.json("supervisor", "/api/stats/timeline?" + DAY + "&by=hour").get("buckets");
        assertThat(hours.get(9).get("abandoned").asLong()).as("q1: sales, served by Петров at 10:05").isEqualTo(1);
        assertThat(hours.get(10).get("total").asLong()).as("q2; not q3, billing is not theirs").isEqualTo(1);

        assertThat(ChartDrillDowns.eachBucketListsTheCallsItCounts(http, "supervisor", DAY + "&by=hour"))
                .as("q1 q2").isEqualTo(2);
        assertThat(ChartDrillDowns.eachTileListsTheCallsItCounts(http, "supervisor", DAY)).as("q1 q2, o1")
                .isEqualTo(3);
        assertThat(ChartDrillDowns.eachOperatorsAnsweredListsTheirCalls(http, "supervisor", DAY))
                .as("Петров q2, Иванов o1").isEqualTo(2);
    }

    @Test
    void theJournalWithoutTheStatisticsQuestionListsEveryCallToASupervisor() throws Exception {
        CallListParameters inbound = new CallListParameters().days(DAY_10, DAY_10).direction(CallDirection.INBOUND);
        assertThat(ChartDrillDowns.journalTotal(http, "supervisor", inbound)).as("q1 q2 q3 q4 s1 r1").isEqualTo(6);
        assertThat(ChartDrillDowns.journalTotal(http, "supervisor", new CallListParameters().days(DAY_10, DAY_10)
                .direction(CallDirection.INBOUND).countedIn(CountedIn.SUMMARY, List.of(
                        Map.entry("dateFrom", "2026-11-10"), Map.entry("dateTo", "2026-11-10")))))
                .as("q1 q2: not r1 still in sales").isEqualTo(2);
    }

    @Test
    void twoTeamsChosenByAnAdminListTheCallsThatRangTheirMembers() throws Exception {
        String both = DAY + "&team=" + encoded("Альфа") + "&team=" + encoded("Бета");
        // q2 q4 s1 rang a member, o1 one placed; q1 q3 rang nobody
        assertThat(ChartDrillDowns.eachTileListsTheCallsItCounts(http, "admin", both)).isEqualTo(3 + 1);
        assertThat(ChartDrillDowns.eachBucketListsTheCallsItCounts(http, "admin", both + "&by=hour")).isEqualTo(3);
        assertThat(ChartDrillDowns.eachOperatorsAnsweredListsTheirCalls(http, "admin", both)).isEqualTo(3);
    }

    private static long id(String login) {
        return StatsTeams.id(server, login);
    }

    private static String encoded(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8);
    }
}
