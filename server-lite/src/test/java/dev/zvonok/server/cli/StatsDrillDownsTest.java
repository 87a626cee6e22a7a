package dev.zvonok.server.cli;

import static dev.zvonok.server.db.schema.Tables.CALLS;
import static dev.zvonok.server.db.schema.Tables.TEAMS;
import static dev.zvonok.server.db.schema.Tables.USER_TEAMS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zvonok.model.api.CallListParameters;
import dev.zvonok.model.api.CountedIn;
import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.auth.AuthSettings;
import dev.zvonok.server.config.HttpSettings;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.directory.DemoDirectorySeeder;
import dev.zvonok.server.stats.StatsCalls;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A supervisor's drill-downs against the whole server: the calls of a queue their team served count for every hour of
 * the statistics' period — also an hour before the team first served it — and the journal of that hour lists them, as
 * it lists none of the calls that only rang somebody else, nor a call still ringing. 2026-11-10 in Moscow; the team
 * "Альфа" is the supervisor, Иванов and Петров; Сидоров is in "Бета".
 */
class StatsDrillDownsTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final String DAY = "dateFrom=2026-11-10&dateTo=2026-11-10";
    static final LocalDate NOV_10 = LocalDate.parse("2026-11-10");
    /** 09:00 in Moscow. */
    static final Instant NINE = Instant.parse("2026-11-10T06:00:00Z");

    private static CallServer server;
    private static StatsHttp http;

    @BeforeAll
    static void aDayOfQueues() {
        PhoneNumbers numbers = PhoneNumbers.russian();
        server = CallServer.open(db.settings(), numbers, new HttpSettings("127.0.0.1", 0, ZoneId.of("Europe/Moscow")),
                AuthSettings.defaults());
        new DemoDirectorySeeder(server.users(), server.companies(), server.dealers(), numbers).seed();
        http = new StatsHttp(server.httpPort());
        long ivanov = id("ivanov");
        long petrov = id("petrov");
        long sidorov = id("sidorov");
        team("Альфа", id("supervisor"), ivanov, petrov);
        team("Бета", sidorov);
        StatsCalls calls = new StatsCalls(db.dsl());
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
        CallListParameters inbound = new CallListParameters().days(NOV_10, NOV_10).direction(CallDirection.INBOUND);
        assertThat(ChartDrillDowns.journalTotal(http, "supervisor", inbound)).as("q1 q2 q3 q4 s1 r1").isEqualTo(6);
        assertThat(ChartDrillDowns.journalTotal(http, "supervisor", new CallListParameters().days(NOV_10, NOV_10)
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

    private static void team(String name, long... members) {
        long team = db.dsl().insertInto(TEAMS, TEAMS.NAME).values(name).returning(TEAMS.ID).fetchOne(TEAMS.ID);
        for (long member : members) {
            db.dsl().insertInto(USER_TEAMS, USER_TEAMS.USER_ID, USER_TEAMS.TEAM_ID).values(member, team).execute();
        }
    }

    private static long id(String login) {
        return server.users().findByLogin(login).orElseThrow().id();
    }

    private static String encoded(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8);
    }
}
