package dev.zvonok.server.cli;

import static dev.zvonok.server.db.schema.Tables.CALLS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zvonok.model.api.CallListParameters;
import dev.zvonok.model.api.CountedIn;
import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.stats.StatsQuery;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.stats.StatsCalls;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The statistics routes of the whole server against real PostgreSQL, over a day of calls whose figures are worked out
 * by hand in the comments. The day is 2026-11-10 in Moscow (UTC+3, no daylight saving time); the team "Альфа" is the
 * supervisor, Иванов (777) and Петров (888); Сидоров (999) is in "Бета", not the supervisor's ({@link StatsTeams}).
 */
class StatsRoutesTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final String DAY = "dateFrom=2026-11-10&dateTo=2026-11-10";
    /** 10:00 in Moscow. */
    static final Instant TEN = Instant.parse("2026-11-10T07:00:00Z");
    static final Instant MIDNIGHT = Instant.parse("2026-11-09T21:00:00Z");
    static final LocalDate DAY_10 = LocalDate.parse("2026-11-10");

    private static CallServer server;
    private static StatsHttp http;

    @BeforeAll
    static void aDayOfCalls() {
        server = StatsTeams.open(db);
        http = new StatsHttp(server.httpPort());
        long ivanov = id("ivanov");
        long petrov = id("petrov");
        long sidorov = id("sidorov");
        StatsCalls calls = new StatsCalls(db.dsl());
        // a1 10:00 answered by Иванов after 10 s, talk 60 s, wrap-up 30 s
        long a1 = calls.call("a1", "inbound", "+79990000001", null, "+74951234567", null, "answered", TEN, 10, 70, null);
        calls.part(a1, "777", ivanov, TEN, 10, 70, "answered", 30_000L, null, null);
        // a2 10:10 rang Иванов and Петров 25 s, nobody answered
        Instant a2At = TEN.plusSeconds(600);
        long a2 = calls.call("a2", "inbound", "+79990000002", null, "+74951234567", null, "missed", a2At, null, 25,
                null);
        calls.part(a2, "777", ivanov, a2At, null, 25, "missed", null, null, null);
        calls.part(a2, "888", petrov, a2At, null, 25, "missed", null, null, null);
        // a3 10:20 gave up after 40 s in the queue "support" before any phone rang; called back by o1 at 10:50
        calls.call("a3", "inbound", "+79990000003", null, "+74951234567", "support", "abandoned",
                TEN.plusSeconds(1200), null, 40, null);
        // a4 10:30 the number of a2 again, rang only Сидоров 30 s: not the team's
        Instant a4At = TEN.plusSeconds(1800);
        long a4 = calls.call("a4", "inbound", "+79990000002", null, "+74951234567", null, "missed", a4At, null, 30,
                "Клиент \"Ромашка\", Москва");
        calls.part(a4, "999", sidorov, a4At, null, 30, "missed", null, null, null);
        // a5 10:40 the queue "support": Петров answers after 15 s (Иванов's phone stops: answered elsewhere), talks
        // 60 s and passes it to Сидоров, who answers 5 s later and talks 120 s; wrap-ups 20 s and 40 s
        Instant a5At = TEN.plusSeconds(2400);
        long a5 = calls.call("a5", "inbound", "+79990000004", null, "+74951234567", "support", "answered", a5At, 15,
                200, null);
        calls.part(a5, "777", ivanov, a5At, null, 15, "answered_elsewhere", null, null, null);
        calls.part(a5, "888", petrov, a5At, 15, 75, "transferred", 20_000L, null, "999");
        calls.part(a5, "999", sidorov, a5At.plusSeconds(75), 5, 125, "answered", 40_000L, "888", null);
        // o1 10:50 Иванов calls a3's number back: answered after 5 s, talk 30 s, wrap-up 10 s
        Instant o1At = TEN.plusSeconds(3000);
        long o1 = calls.call("o1", "outbound", "777", ivanov, "+79990000003", null, "answered", o1At, 5, 35, null);
        calls.part(o1, "777", ivanov, o1At, 5, 35, "answered", 10_000L, null, null);
        // o2 10:55 Сидоров's call out, busy: not the team's
        calls.call("o2", "outbound", "999", sidorov, "+79995550000", null, "busy", TEN.plusSeconds(3300), null, 2,
                null);
        // i1 11:00 Петров calls Иванов: answered after 3 s, talk 20 s, wrap-up 5 s
        Instant i1At = TEN.plusSeconds(3600);
        long i1 = calls.call("i1", "internal", "888", petrov, "777", null, "answered", i1At, 3, 23, null);
        calls.part(i1, "777", ivanov, i1At, 3, 23, "answered", 5_000L, null, null);
        // b1 at 23:59:59 the day before: missed, no phone rang; b2 at 00:00:00, today's first call: Иванов answers
        // after 5 s, talk 10 s, closes the card at once
        calls.call("b1", "inbound", "+79990000005", null, "+74951234567", null, "missed", MIDNIGHT.minusSeconds(1),
                null, 20, null);
        long b2 = calls.call("b2", "inbound", "+79990000006", null, "+74951234567", null, "answered", MIDNIGHT, 5, 15,
                null);
        calls.part(b2, "777", ivanov, MIDNIGHT, 5, 15, "answered", 0L, null, null);
        // r1 12:00 still ringing: no outcome yet, counted by none of the figures
        long r1 = calls.call("r1", "inbound", "+79990000007", null, "+74951234567", null, null,
                TEN.plusSeconds(7200), null, 1, null);
        db.dsl().update(CALLS).setNull(CALLS.ENDED_AT).where(CALLS.ID.eq(r1)).execute();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anAdminCountsEveryCallOfTheDay() throws Exception {
        JsonNode summary = http.json("admin", "/api/stats/summary?" + DAY);

        assertThat(summary.at("/period/timeZone").asText()).isEqualTo("Europe/Moscow");
        assertThat(summary.at("/period/from").asText()).isEqualTo("2026-11-09T21:00:00Z");
        JsonNode inbound = summary.get("inbound");
        // a1 a2 a3 a4 a5 b2; not b1 of the day before
        assertThat(inbound.get("total").asLong()).isEqualTo(6);
        assertThat(inbound.get("answered").asLong()).isEqualTo(3);  // a1 a5 b2
        assertThat(inbound.get("missed").asLong()).isEqualTo(2);    // a2 a4
        assertThat(inbound.get("abandoned").asLong()).isEqualTo(1); // a3
        assertThat(inbound.get("acceptanceRate").asDouble()).isCloseTo(3 / 6.0, within(1e-9));
        assertThat(inbound.get("asaSeconds").asDouble()).isCloseTo((10 + 15 + 5) / 3.0, within(1e-9));
        // within 20 s: a1 a5 b2, of 6 calls (a3 waited 40 s: no short abandon)
        assertThat(inbound.get("serviceLevel").asDouble()).isCloseTo(3 / 6.0, within(1e-9));
        assertThat(inbound.get("longestWaitSeconds").asLong()).isEqualTo(40);
        assertThat(summary.at("/outbound/total").asLong()).isEqualTo(2);     // o1 o2
        assertThat(summary.at("/outbound/answered").asLong()).isEqualTo(1);  // o1
        assertThat(summary.at("/internal/total").asLong()).isEqualTo(1);     // i1
        assertThat(summary.at("/internal/answered").asLong()).isEqualTo(1);
        // a1 60, a5 Петров 60 and Сидоров 120 (one call, two parts), o1 30, i1 20, b2 10
        assertThat(summary.get("talkSeconds").asLong()).isEqualTo(300);
        assertThat(summary.get("wrapupSeconds").asLong()).isEqualTo(30 + 20 + 40 + 10 + 5);
        assertThat(summary.get("ahtSeconds").asDouble()).isCloseTo((300 + 105) / 6.0, within(1e-9));
        // missed or abandoned: a2 a3 a4; a3 reached by o1 1800 s later; a2 and a4's number not since
        assertThat(summary.at("/callbacks/pending").asLong()).isEqualTo(2);
        assertThat(summary.at("/callbacks/medianSeconds").asDouble()).isCloseTo(1800, within(1e-9));
        assertThat(summary.at("/callbacks/withinHour").asDouble()).isCloseTo(1 / 3.0, within(1e-9));
    }

    @Test
    void aSupervisorCountsTheirTeam() throws Exception {
        JsonNode summary = http.json("supervisor", "/api/stats/summary?" + DAY);

        JsonNode inbound = summary.get("inbound");
        // rang Иванов or Петров: a1 a2 a5 b2; the queue Петров served, support: a3 too; not a4 (Сидоров only)
        assertThat(inbound.get("total").asLong()).isEqualTo(5);
        assertThat(inbound.get("answered").asLong()).isEqualTo(3);
        assertThat(inbound.get("missed").asLong()).isEqualTo(1);
        assertThat(inbound.get("abandoned").asLong()).isEqualTo(1);
        assertThat(inbound.get("serviceLevel").asDouble()).isCloseTo(3 / 5.0, within(1e-9));
        assertThat(summary.at("/outbound/total").asLong()).as("o1, not Сидоров's o2").isEqualTo(1);
        assertThat(summary.at("/internal/total").asLong()).isEqualTo(1);
        // their parts only: a1 60, a5 Петров 60, o1 30, i1 20, b2 10; wrap-up 30 20 10 5 0
        assertThat(summary.get("talkSeconds").asLong()).isEqualTo(180);
        assertThat(summary.get("wrapupSeconds").asLong()).isEqualTo(65);
        assertThat(summary.get("ahtSeconds").asDouble()).isCloseTo((180 + 65) / 5.0, within(1e-9));
        // a2 pending, a3 reached after 1800 s
        assertThat(summary.at("/callbacks/pending").asLong()).isEqualTo(1);
        assertThat(summary.at("/callbacks/withinHour").asDouble()).isCloseTo(1 / 2.0, within(1e-9));
    }

    @Test
    void theDayEndsAt235959AndTheNextBeginsAtMidnight() throws Exception {
        JsonNode dayBefore = http.json("admin", "/api/stats/summary?dateFrom=2026-11-09&dateTo=2026-11-09");
        assertThat(dayBefore.at("/inbound/total").asLong()).as("b1 only").isEqualTo(1);
        assertThat(dayBefore.at("/inbound/missed").asLong()).isEqualTo(1);

        JsonNode days = http.json("admin", "/api/stats/timeline?dateFrom=2026-11-09&dateTo=2026-11-10&by=day");
        assertThat(days.get("buckets")).extracting(b -> b.get("total").asLong()).containsExactly(1L, 6L);
    }

    @Test
    void eachBarOfTheChartsListsInTheJournalExactlyTheCallsItCounts() throws Exception {
        // the hours and days around midnight: b1 at 23:59:59 is the 9th's last hour's, b2 at 00:00:00 the 10th's first
        assertThat(ChartDrillDowns.eachBucketListsTheCallsItCounts(http, "admin",
                "dateFrom=2026-11-09&dateTo=2026-11-10&by=hour")).as("b1, and the 6 of the 10th").isEqualTo(7);
        assertThat(ChartDrillDowns.eachBucketListsTheCallsItCounts(http, "admin",
                "dateFrom=2026-11-09&dateTo=2026-11-10&by=day")).isEqualTo(7);

        // an operator's bars (answered, talk time) count their answered parts, every direction: Иванов a1 o1 i1 b2
        // (a5 rang him, but Петров answered it); Петров a5, passed on; Сидоров a5 from Петров
        JsonNode operators = http.json("admin", "/api/stats/operators?" + DAY).get("operators");
        assertThat(operators).extracting(o -> o.get("login").asText() + " " + o.get("answered").asLong())
                .contains("ivanov 4", "petrov 1", "sidorov 1");
        assertThat(ChartDrillDowns.eachOperatorsAnsweredListsTheirCalls(http, "admin", DAY)).isEqualTo(6);
        assertThat(ChartDrillDowns.theWorkTilesListTheCallsOfEveryAnsweredPart(http, "admin", DAY))
                .as("a1 o1 i1 b2, a5").isEqualTo(5);
        assertThat(ChartDrillDowns.theCallBacksTileListsItsCalls(http, "admin", DAY)).as("a2 a4; a3 reached")
                .isEqualTo(2);
        // the tiles: a1 a2 a3 a4 a5 b2, o1 o2, i1
        assertThat(ChartDrillDowns.eachTileListsTheCallsItCounts(http, "admin", DAY)).isEqualTo(9);
    }

    @Test
    void aCallStillRingingIsNotAmongTheCallsOfTheInboundTotal() throws Exception {
        JsonNode summary = http.json("admin", "/api/stats/summary?" + DAY);
        assertThat(summary.at("/inbound/total").asLong()).isEqualTo(6);
        CallListParameters inbound = new CallListParameters().days(DAY_10, DAY_10).direction(CallDirection.INBOUND);
        assertThat(ChartDrillDowns.journalTotal(http, "admin", inbound)).as("the journal lists r1 too").isEqualTo(7);
        assertThat(ChartDrillDowns.journalTotal(http, "admin", new CallListParameters().days(DAY_10, DAY_10)
                .direction(CallDirection.INBOUND).countedIn(CountedIn.SUMMARY, List.of(
                        Map.entry(StatsQuery.DATE_FROM, "2026-11-10"), Map.entry(StatsQuery.DATE_TO, "2026-11-10")))))
                .as("the calls the total counts: not r1").isEqualTo(6);
    }

    @Test
    void aSupervisorsFiguresListExactlyTheCallsOfTheirTeams() throws Exception {
        // a1 a2 b2 rang Иванов or Петров, a3 came through support, the queue Петров served; not a4 (it rang only
        // Сидоров), which the journal lists to a supervisor otherwise; o1, i1
        assertThat(ChartDrillDowns.journalTotal(http, "supervisor", new CallListParameters().days(DAY_10, DAY_10)
                .direction(CallDirection.INBOUND).status(CallDisposition.MISSED))).as("a2 a4").isEqualTo(2);
        assertThat(ChartDrillDowns.eachTileListsTheCallsItCounts(http, "supervisor", DAY)).isEqualTo(5 + 1 + 1);
        assertThat(ChartDrillDowns.eachBucketListsTheCallsItCounts(http, "supervisor", DAY + "&by=hour"))
                .isEqualTo(5);
        assertThat(ChartDrillDowns.eachOperatorsAnsweredListsTheirCalls(http, "supervisor", DAY))
                .as("Иванов 4, Петров 1").isEqualTo(5);
        assertThat(ChartDrillDowns.theWorkTilesListTheCallsOfEveryAnsweredPart(http, "supervisor", DAY))
                .as("a1 o1 i1 b2, a5").isEqualTo(5);
        assertThat(ChartDrillDowns.theCallBacksTileListsItsCalls(http, "supervisor", DAY)).as("a2; not a4")
                .isEqualTo(1);
        // their team chosen: the calls that rang its members or they placed, a1 a2 a5 b2, o1, i1
        String alpha = DAY + "&team=" + team("Альфа");
        assertThat(ChartDrillDowns.eachTileListsTheCallsItCounts(http, "supervisor", alpha)).isEqualTo(4 + 1 + 1);
        assertThat(ChartDrillDowns.eachBucketListsTheCallsItCounts(http, "supervisor", alpha + "&by=day"))
                .isEqualTo(4);
    }

    @Test
    void twoOperatorsAndTwoTeamsChosenListExactlyTheirCalls() throws Exception {
        // Иванов and Сидоров, of Альфа and Бета: rang one of them a1 a2 a4 a5 b2; o1 o2 they placed; i1 rang Иванов
        String chosen = DAY + "&operatorId=" + id("ivanov") + "&operatorId=" + id("sidorov") + "&team="
                + team("Альфа") + "&team=" + team("Бета");
        assertThat(ChartDrillDowns.eachTileListsTheCallsItCounts(http, "admin", chosen)).isEqualTo(5 + 2 + 1);
        assertThat(ChartDrillDowns.eachBucketListsTheCallsItCounts(http, "admin", chosen + "&by=hour"))
                .isEqualTo(5);
        assertThat(ChartDrillDowns.eachOperatorsAnsweredListsTheirCalls(http, "admin", chosen))
                .as("Иванов 4, Сидоров 1").isEqualTo(5);
        assertThat(ChartDrillDowns.theWorkTilesListTheCallsOfEveryAnsweredPart(http, "admin", chosen))
                .as("a1 o1 i1 b2, a5").isEqualTo(5);
        assertThat(ChartDrillDowns.theCallBacksTileListsItsCalls(http, "admin", chosen)).as("a2 a4")
                .isEqualTo(2);
        // the two teams, everybody in them: Петров's calls too (a2 a5 were counted already, i1 too)
        String teams = DAY + "&team=" + team("Альфа") + "&team=" + team("Бета");
        assertThat(ChartDrillDowns.eachTileListsTheCallsItCounts(http, "admin", teams)).isEqualTo(5 + 2 + 1);
        assertThat(ChartDrillDowns.eachBucketListsTheCallsItCounts(http, "admin", teams + "&by=day")).isEqualTo(5);
    }

    @Test
    void aJournalOfTheStatisticsTakesTheirQuestionAsTheyDo() throws Exception {
        String counted = "/api/calls?" + CountedIn.PARAMETER + "=summary&" + CountedIn.PREFIX;
        Map<String, Integer> asked = Map.of(
                counted + "dateFrom=10.11.2026", 400,
                counted + "operatorId=999999", 400,
                counted + "direction=sideways", 400,
                "/api/calls?" + CountedIn.PARAMETER + "=everything", 400,
                "/api/calls?" + CountedIn.PREFIX + "dateFrom=2026-11-10", 400,
                "/api/calls?" + CountedIn.PREFIX + "by=hour&" + CountedIn.PARAMETER + "=summary", 400);
        asked.forEach((path, status) -> assertThat(status(http, "admin", path)).as(path).isEqualTo(status));
        HttpResponse<byte[]> named = http.get("admin", counted + "queue=nowhere");
        assertThat(new String(named.body(), StandardCharsets.UTF_8)).contains(CountedIn.PREFIX + "queue:");
        assertThat(status(http, "supervisor", counted + "team=" + team("Бета"))).as("not theirs").isEqualTo(403);
        assertThat(status(http, "supervisor", counted + "team=" + team("Альфа"))).isEqualTo(200);
        assertThat(status(http, "ivanov", counted + "dateFrom=2026-11-10")).as("the statistics are not an operator's")
                .isEqualTo(403);
    }

    private static int status(StatsHttp http, String login, String path) {
        try {
            return http.status(login, path);
        } catch (Exception e) {
            throw new AssertionError(path, e);
        }
    }

    @Test
    void theTimelineHasEveryHourOfTheDayEmptyOnesIncluded() throws Exception {
        JsonNode timeline = http.json("admin", "/api/stats/timeline?" + DAY + "&by=hour");

        JsonNode buckets = timeline.get("buckets");
        assertThat(buckets).hasSize(24);
        assertThat(buckets.get(0).get("start").asText()).isEqualTo("2026-11-10T00:00:00");
        assertThat(buckets.get(0).get("total").asLong()).as("b2").isEqualTo(1);
        assertThat(buckets.get(0).get("serviceLevel").asDouble()).isEqualTo(1.0);
        JsonNode ten = buckets.get(10);
        assertThat(ten.get("start").asText()).isEqualTo("2026-11-10T10:00:00");
        // a1 a2 a3 a4 a5: answered a1 a5 (both within 20 s), missed a2 a4, abandoned a3
        assertThat(ten.get("total").asLong()).isEqualTo(5);
        assertThat(ten.get("answered").asLong()).isEqualTo(2);
        assertThat(ten.get("missed").asLong()).isEqualTo(2);
        assertThat(ten.get("abandoned").asLong()).isEqualTo(1);
        assertThat(ten.get("serviceLevel").asDouble()).isCloseTo(2 / 5.0, within(1e-9));
        assertThat(buckets.get(11).get("total").asLong()).as("i1 is internal").isZero();
        assertThat(buckets.get(11).get("serviceLevel").isNull()).isTrue();

        JsonNode week = http.json("admin", "/api/stats/timeline?dateFrom=2026-11-01&dateTo=2026-11-30&by=week");
        // 1 Nov is a Sunday: 1 | 2-8 | 9-15 | 16-22 | 23-29 | 30
        assertThat(week.get("buckets")).extracting(b -> b.get("start").asText()).containsExactly(
                "2026-11-01T00:00:00", "2026-11-02T00:00:00", "2026-11-09T00:00:00", "2026-11-16T00:00:00",
                "2026-11-23T00:00:00", "2026-11-30T00:00:00");
        assertThat(week.get("buckets")).extracting(b -> b.get("total").asLong())
                .containsExactly(0L, 0L, 7L, 0L, 0L, 0L);
        JsonNode month = http.json("admin", "/api/stats/timeline?dateFrom=2026-10-15&dateTo=2026-12-15&by=month");
        assertThat(month.get("buckets")).extracting(b -> b.get("total").asLong()).containsExactly(0L, 7L, 0L);
    }

    @Test
    void eachOperatorsPartsCountedOnceForThemselves() throws Exception {
        JsonNode operators = http.json("admin", "/api/stats/operators?" + DAY).get("operators");

        assertThat(operators).extracting(o -> o.get("login").asText()).containsExactly("ivanov", "petrov", "sidorov");
        JsonNode ivanov = operators.get(0);
        // a1 answered, a2 missed, a5 answered elsewhere, o1, i1, b2 answered
        assertThat(ivanov.get("offers").asLong()).isEqualTo(6);
        assertThat(ivanov.get("answered").asLong()).isEqualTo(4);
        assertThat(ivanov.get("missed").asLong()).isEqualTo(1);
        assertThat(ivanov.get("answeredElsewhere").asLong()).isEqualTo(1);
        assertThat(ivanov.get("talkSeconds").asLong()).isEqualTo(60 + 30 + 20 + 10);
        assertThat(ivanov.get("wrapupSeconds").asLong()).isEqualTo(30 + 10 + 5 + 0);
        assertThat(ivanov.get("avgTalkSeconds").asDouble()).isCloseTo(120 / 4.0, within(1e-9));
        assertThat(ivanov.get("avgWrapupSeconds").asDouble()).isCloseTo(45 / 4.0, within(1e-9));
        JsonNode petrov = operators.get(1);
        // a2 missed, a5 answered and passed on
        assertThat(petrov.get("offers").asLong()).isEqualTo(2);
        assertThat(petrov.get("answered").asLong()).isEqualTo(1);
        assertThat(petrov.get("missed").asLong()).isEqualTo(1);
        assertThat(petrov.get("transfersOut").asLong()).isEqualTo(1);
        assertThat(petrov.get("transfersIn").asLong()).isZero();
        assertThat(petrov.get("talkSeconds").asLong()).isEqualTo(60);
        JsonNode sidorov = operators.get(2);
        // a4 missed, a5 passed to him
        assertThat(sidorov.get("offers").asLong()).isEqualTo(2);
        assertThat(sidorov.get("answered").asLong()).isEqualTo(1);
        assertThat(sidorov.get("transfersIn").asLong()).isEqualTo(1);
        assertThat(sidorov.get("talkSeconds").asLong()).isEqualTo(120);

        JsonNode team = http.json("supervisor", "/api/stats/operators?" + DAY).get("operators");
        assertThat(team).extracting(o -> o.get("login").asText()).containsExactly("ivanov", "petrov");
    }

    @Test
    void theNumbersToCallBackWhoWaitedLongestFirst() throws Exception {
        JsonNode callbacks = http.json("admin", "/api/stats/callbacks?" + DAY);

        // a3's number was called back (o1); a2 and a4 share one number, not reached since
        assertThat(callbacks.get("total").asLong()).isEqualTo(1);
        JsonNode item = callbacks.get("items").get(0);
        assertThat(item.get("number").asText()).isEqualTo("+79990000002");
        assertThat(item.get("attempts").asLong()).isEqualTo(2);
        assertThat(item.get("firstAt").asText()).isEqualTo("2026-11-10T07:10:00Z");
        assertThat(item.get("lastAt").asText()).isEqualTo("2026-11-10T07:30:00Z");
        assertThat(item.get("waitedSeconds").asLong()).as("a4 rang 30 s").isEqualTo(30);
        assertThat(item.get("callerName").asText()).isEqualTo("Клиент \"Ромашка\", Москва");

        JsonNode team = http.json("supervisor", "/api/stats/callbacks?" + DAY);
        assertThat(team.get("items")).singleElement().satisfies(only ->
                assertThat(only.get("attempts").asLong()).as("a2 only: a4 is not the team's").isEqualTo(1));
        assertThat(http.json("admin", "/api/stats/callbacks?" + DAY + "&page=2&limit=1").get("items")).isEmpty();
    }

    @Test
    void anOperatorSeesTheirOwnFiguresDayByDay() throws Exception {
        JsonNode my = http.json("ivanov", "/api/stats/my?dateFrom=2026-11-09&dateTo=2026-11-10");

        // the same as Иванов's row: 6 parts, 4 answered, 1 missed
        assertThat(my.get("total").asLong()).isEqualTo(6);
        assertThat(my.get("accepted").asLong()).isEqualTo(4);
        assertThat(my.get("missed").asLong()).isEqualTo(1);
        assertThat(my.get("acceptanceRate").asDouble()).isCloseTo(4 / 6.0, within(1e-9));
        assertThat(my.get("days")).extracting(d -> d.get("date").asText() + "=" + d.get("total").asLong())
                .containsExactly("2026-11-09=0", "2026-11-10=6");
    }

    @Test
    void operatorsGetOnlyTheirOwnAndBadQuestionsAre400() throws Exception {
        for (String route : List.of("summary", "timeline", "operators", "callbacks")) {
            assertThat(http.status("ivanov", "/api/stats/" + route + "?" + DAY)).as(route).isEqualTo(403);
            assertThat(http.status("supervisor", "/api/stats/" + route + "?" + DAY)).as(route).isEqualTo(200);
        }
        List<String> bad = new ArrayList<>(List.of(
                "/api/stats/summary?dateFrom=10.11.2026",
                "/api/stats/summary?dateFrom=2026-11-10&dateTo=2026-11-09",
                "/api/stats/summary?dateFrom=2025-01-01&dateTo=2026-11-09",
                "/api/stats/timeline?" + DAY + "&by=minute",
                "/api/stats/operators?" + DAY + "&format=pdf",
                "/api/stats/callbacks?" + DAY + "&page=0",
                "/api/stats/callbacks?" + DAY + "&limit=100000"));
        for (String path : bad) {
            assertThat(http.status("admin", path)).as(path).isEqualTo(400);
        }
        assertThat(http.status("ivanov", "/api/stats/my?dateTo=2026-13-01")).isEqualTo(400);
    }

    @Test
    void filtersNarrowEveryFigure() throws Exception {
        long petrov = id("petrov");
        // the calls Петров took part in: a2 (missed), a5 (answered, passed on), i1 (he called Иванов)
        JsonNode his = http.json("admin", "/api/stats/summary?" + DAY + "&operatorId=" + petrov);
        assertThat(his.at("/inbound/total").asLong()).isEqualTo(2);
        assertThat(his.at("/inbound/answered").asLong()).isEqualTo(1);
        assertThat(his.at("/inbound/missed").asLong()).isEqualTo(1);
        assertThat(his.at("/outbound/total").asLong()).isZero();
        assertThat(his.at("/internal/total").asLong()).isEqualTo(1);
        assertThat(his.get("talkSeconds").asLong()).as("his part of a5 only, not Сидоров's").isEqualTo(60);
        assertThat(http.json("admin", "/api/stats/operators?" + DAY + "&operatorId=" + petrov).get("operators"))
                .extracting(o -> o.get("login").asText()).containsExactly("petrov");

        // the queue support: a3 (abandoned) and a5 (answered), both at 10:xx
        JsonNode support = http.json("admin", "/api/stats/summary?" + DAY + "&queue=support");
        assertThat(support.at("/inbound/total").asLong()).isEqualTo(2);
        assertThat(support.at("/inbound/abandoned").asLong()).isEqualTo(1);
        assertThat(support.at("/outbound/total").asLong()).isZero();
        JsonNode hours = http.json("admin", "/api/stats/timeline?" + DAY + "&by=hour&queue=support");
        assertThat(hours.get("buckets").get(10).get("total").asLong()).isEqualTo(2);
        assertThat(hours.get("buckets").get(0).get("total").asLong()).as("b2 came through no queue").isZero();

        JsonNode out = http.json("admin", "/api/stats/summary?" + DAY + "&direction=outbound");
        assertThat(out.at("/inbound/total").asLong()).isZero();
        assertThat(out.at("/outbound/total").asLong()).isEqualTo(2);
        assertThat(out.at("/internal/total").asLong()).isZero();
        assertThat(out.get("talkSeconds").asLong()).as("o1").isEqualTo(30);

        // every inbound call of the day dialled the one number
        JsonNode line = http.json("admin", "/api/stats/summary?" + DAY + "&line=%2B74951234567&direction=inbound");
        assertThat(line.at("/inbound/total").asLong()).isEqualTo(6);

        // Альфа by its members: the calls that rang Иванов or Петров, a1 a2 a5 b2, or they placed, o1 i1
        String alpha = team("Альфа");
        JsonNode team = http.json("supervisor", "/api/stats/summary?" + DAY + "&team=" + alpha);
        assertThat(team.at("/inbound/total").asLong()).isEqualTo(4);
        assertThat(team.at("/outbound/total").asLong()).isEqualTo(1);
        // the same two operators named one by one add up to the team
        JsonNode members = http.json("supervisor", "/api/stats/summary?" + DAY + "&operatorId=" + id("ivanov")
                + "&operatorId=" + petrov);
        assertThat(members.at("/inbound/total").asLong()).isEqualTo(4);
        assertThat(members.at("/outbound/total").asLong()).isEqualTo(1);
        // filters add up: Петров in Альфа, the queue support: a5
        JsonNode both = http.json("supervisor", "/api/stats/summary?" + DAY + "&team=" + alpha + "&operatorId="
                + petrov + "&queue=support");
        assertThat(both.at("/inbound/total").asLong()).isEqualTo(1);
        assertThat(both.at("/inbound/answered").asLong()).isEqualTo(1);
    }

    @Test
    void aFilterNamingNothingIs400AndOneOutsideTheSupervisorsTeamsIs403() throws Exception {
        Map<String, String> bad = Map.of(
                "operatorId=ivanov", "operatorId", "operatorId=999999", "operatorId", "team=999999", "team",
                "team=%D0%93%D0%B0%D0%BC%D0%BC%D0%B0", "team", "line=%2B70000000000", "line", "queue=nowhere", "queue",
                "direction=sideways", "direction");
        for (String route : List.of("summary", "timeline", "operators", "lines", "callbacks")) {
            for (Map.Entry<String, String> query : bad.entrySet()) {
                HttpResponse<byte[]> response = http.get("admin", "/api/stats/" + route + "?" + DAY + "&"
                        + query.getKey());
                assertThat(response.statusCode()).as(route + " " + query.getKey()).isEqualTo(400);
                assertThat(new String(response.body(), StandardCharsets.UTF_8)).as(route + " " + query.getKey())
                        .contains(query.getValue() + ":");
            }
            assertThat(http.status("supervisor", "/api/stats/" + route + "?" + DAY + "&operatorId=" + id("sidorov")))
                    .as(route + ": Сидоров is in none of the supervisor's teams").isEqualTo(403);
            assertThat(http.status("supervisor", "/api/stats/" + route + "?" + DAY + "&team=" + team("Бета")))
                    .as(route + ": Бета is not the supervisor's").isEqualTo(403);
            assertThat(http.status("admin", "/api/stats/" + route + "?" + DAY + "&team=" + team("Бета")))
                    .as(route).isEqualTo(200);
        }
    }

    @Test
    void eachLineItsFigures() throws Exception {
        JsonNode lines = http.json("admin", "/api/stats/lines?" + DAY).get("lines");

        // no line of the administration: the dialled number, the same as the summary's inbound figures
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.get("line").asText()).isEqualTo("+74951234567");
            assertThat(line.get("total").asLong()).isEqualTo(6);
            assertThat(line.get("answered").asLong()).isEqualTo(3);
            assertThat(line.get("missed").asLong()).isEqualTo(2);
            assertThat(line.get("abandoned").asLong()).isEqualTo(1);
            assertThat(line.get("asaSeconds").asDouble()).isCloseTo((10 + 15 + 5) / 3.0, within(1e-9));
            assertThat(line.get("serviceLevel").asDouble()).isCloseTo(3 / 6.0, within(1e-9));
        });
        assertThat(http.json("supervisor", "/api/stats/lines?" + DAY).at("/lines/0/total").asLong())
                .as("not a4").isEqualTo(5);
    }

    @Test
    void repeatCallersInTheSummary() throws Exception {
        JsonNode repeat = http.json("admin", "/api/stats/summary?" + DAY).get("repeatCallers");
        // answered from a known number: a1 a5 b2; none of their numbers called again (a2 and a4's did, unanswered)
        assertThat(repeat.get("answered").asLong()).isEqualTo(3);
        assertThat(repeat.get("calledAgain").asLong()).isZero();
        assertThat(repeat.get("share").asDouble()).isZero();
    }

    @Test
    void csvAndXlsxHoldTheSameNumbersAsJson() throws Exception {
        Map<String, String> lists = Map.of("timeline", "buckets", "operators", "operators", "callbacks", "items",
                "lines", "lines", "my", "days");
        for (String route : List.of("summary", "timeline", "operators", "lines", "callbacks", "my")) {
            String path = "/api/stats/" + route + "?" + DAY + (route.equals("timeline") ? "&by=hour" : "");
            String asker = route.equals("my") ? "ivanov" : "admin"; // an operator's own days
            JsonNode json = http.json(asker, path);
            List<List<String>> expected = lists.containsKey(route) ? rows(json.get(lists.get(route))) : figures(json);

            HttpResponse<byte[]> csv = http.get(asker, path + "&format=csv");
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
            String text = new String(csv.body(), StandardCharsets.UTF_8);
            assertThat(text).as("a BOM, so that Excel reads Cyrillic right").startsWith("\ufeff");
            assertThat(parseCsv(text.substring(1))).as(route + " as CSV").isEqualTo(expected);

            HttpResponse<byte[]> xlsx = http.get(asker, path + "&format=xlsx");
            assertThat(xlsx.statusCode()).isEqualTo(200);
            List<List<String>> sheet = readXlsx(xlsx.body());
            assertThat(sheet).as(route + " as XLSX").hasSameSizeAs(expected);
            for (int r = 0; r < expected.size(); r++) {
                for (int c = 0; c < expected.get(r).size(); c++) {
                    String want = expected.get(r).get(c);
                    String got = c < sheet.get(r).size() ? sheet.get(r).get(c) : "";
                    if (isNumber(want)) {
                        assertThat(Double.parseDouble(got)).as(route + " row " + r + " column " + c)
                                .isCloseTo(Double.parseDouble(want), within(1e-9));
                    } else {
                        assertThat(got).as(route + " row " + r + " column " + c).isEqualTo(want);
                    }
                }
            }
        }
        assertThat(new String(http.get("admin", "/api/stats/callbacks?" + DAY + "&format=csv").body(),
                StandardCharsets.UTF_8)).as("quoted, its quotes doubled")
                .contains(",\"Клиент \"\"Ромашка\"\", Москва\",");
    }

    /** A list answer as a table: a header of the elements' fields (nested ones as a.b), a row per element. */
    private static List<List<String>> rows(JsonNode list) {
        List<Map<String, String>> flat = new ArrayList<>();
        list.forEach(element -> flat.add(flatten(element)));
        List<String> header = new ArrayList<>(flat.getFirst().keySet());
        List<List<String>> table = new ArrayList<>();
        table.add(header);
        flat.forEach(row -> table.add(header.stream().map(row::get).toList()));
        return table;
    }

    /** The summary as figure,value rows. */
    private static List<List<String>> figures(JsonNode summary) {
        List<List<String>> table = new ArrayList<>();
        table.add(List.of("figure", "value"));
        flatten(summary).forEach((name, value) -> table.add(List.of(name, value)));
        return table;
    }

    private static Map<String, String> flatten(JsonNode node) {
        Map<String, String> flat = new LinkedHashMap<>();
        flatten("", node, flat);
        return flat;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> flat) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field ->
                    flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), flat));
        } else {
            flat.put(prefix, node.isNull() ? "" : node.asText());
        }
    }

    private static boolean isNumber(String text) {
        return text.matches("-?\\d+(\\.\\d+)?([eE]-?\\d+)?");
    }

    /** RFC 4180: CRLF lines, fields quoted when they hold a comma, a quote or a line break. */
    private static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertThat(row).as("every line ends with CRLF").isEmpty();
        return rows;
    }

    private static List<List<String>> readXlsx(byte[] content) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content));
             Stream<Row> sheet = workbook.getFirstSheet().openStream()) {
            sheet.forEach(r -> {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < r.getCellCount(); c++) {
                    Cell cell = r.getCell(c);
                    cells.add(cell == null ? "" : cell.getText());
                }
                rows.add(cells);
            });
        }
        return rows;
    }

    private static long id(String login) {
        return StatsTeams.id(server, login);
    }

    /** A team as a query names it: by its name, as the board shows it. */
    private static String team(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8);
    }
}
