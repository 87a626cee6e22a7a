package dev.zvonok.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zvonok.model.api.CallListParameters;
import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.config.HttpSettings;
import dev.zvonok.server.config.ServerConfig;
import dev.zvonok.server.db.TestDatabase;
import dev.zvonok.server.directory.DemoDirectorySeeder;
import dev.zvonok.server.stats.StatsCalls;
import dev.zvonok.server.stats.StatsSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A 24-hour call centre in Berlin that closes its day at 06:00, across the night the clocks go back (Sunday
 * 2026-10-25: at 03:00 CEST, UTC+2, they show 02:00 CET, UTC+1). Its day of the 24th runs from 06:00 CEST (04:00Z) to
 * 06:00 CET on the 25th (05:00Z): 25 hours, 02:00-03:00 twice. Every call here is a missed inbound call.
 */
class StatsTimeZoneTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static CallServer server;
    /** Every call here rang Иванов's phone and he missed it. */
    private static long ivanov;
    private static StatsHttp http;

    @BeforeAll
    static void start() {
        PhoneNumbers numbers = PhoneNumbers.russian();
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        ServerConfig berlinFromSix = ServerConfig.from(com.typesafe.config.ConfigFactory.parseString(
                        "zvonok.http.time-zone = Europe/Berlin, zvonok.stats.day-starts-at = \"06:00\"")
                .withFallback(com.typesafe.config.ConfigFactory.defaultReference()).resolve());
        assertThat(berlinFromSix.stats())
                .isEqualTo(new StatsSettings(berlin, LocalTime.of(6, 0), 20, 5, Duration.ofMinutes(30)));
        server = CallServer.open(db.settings(), berlinFromSix, new HttpSettings("127.0.0.1", 0, berlin));
        new DemoDirectorySeeder(server.users(), server.companies(), server.dealers(), numbers).seed();
        http = new StatsHttp(server.httpPort());
        StatsCalls calls = new StatsCalls(db.dsl());
        ivanov = server.users().findByLogin("ivanov").orElseThrow().id();
        missed(calls, "cest", "+79990000001", "2026-10-25T00:30:00Z");   // 02:30 CEST on the 25th: the 24th's
        missed(calls, "cet", "+79990000002", "2026-10-25T01:30:00Z");    // 02:30 CET, an hour later: the 24th's
        missed(calls, "before", "+79990000003", "2026-10-25T04:59:59Z"); // 05:59:59 CET: the 24th's last
        missed(calls, "first", "+79990000004", "2026-10-25T05:00:00Z");  // 06:00:00 CET: the 25th's first
        missed(calls, "last", "+79990000005", "2026-10-26T04:59:59Z");   // 05:59:59 CET on the 26th: the 25th's
        missed(calls, "next", "+79990000006", "2026-10-26T05:00:00Z");   // 06:00:00: the 26th's
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aDayRunsFromItsBoundaryToTheNextOneSecondDecides() throws Exception {
        JsonNode oct24 = http.json("admin", "/api/stats/summary?dateFrom=2026-10-24&dateTo=2026-10-24");
        assertThat(oct24.at("/period/from").asText()).isEqualTo("2026-10-24T04:00:00Z");
        assertThat(oct24.at("/period/to").asText()).isEqualTo("2026-10-25T05:00:00Z");
        assertThat(oct24.at("/inbound/total").asLong()).as("cest, cet, before").isEqualTo(3);

        assertThat(http.json("admin", "/api/stats/summary?dateFrom=2026-10-25&dateTo=2026-10-25")
                .at("/inbound/total").asLong()).as("first, last").isEqualTo(2);
        assertThat(http.json("admin", "/api/stats/summary?dateFrom=2026-10-26&dateTo=2026-10-26")
                .at("/inbound/total").asLong()).as("next").isEqualTo(1);
        assertThat(http.json("admin", "/api/stats/timeline?dateFrom=2026-10-24&dateTo=2026-10-26&by=day")
                .get("buckets")).extracting(b -> b.get("total").asLong()).containsExactly(3L, 2L, 1L);
    }

    @Test
    void theNightTheClocksGoBackHasTheRepeatedHourTwice() throws Exception {
        JsonNode buckets = http.json("admin", "/api/stats/timeline?dateFrom=2026-10-24&dateTo=2026-10-24&by=hour")
                .get("buckets");

        assertThat(buckets).hasSize(25);
        assertThat(buckets.get(0).get("start").asText()).isEqualTo("2026-10-24T06:00:00");
        // 06:00 CEST + 20 hours = 02:00 CEST (00:00Z); then 02:00 CET (01:00Z)
        assertThat(buckets.get(20).get("start").asText()).isEqualTo("2026-10-25T02:00:00");
        assertThat(buckets.get(20).get("from").asText()).isEqualTo("2026-10-25T00:00:00Z");
        assertThat(buckets.get(20).get("total").asLong()).as("cest").isEqualTo(1);
        assertThat(buckets.get(21).get("start").asText()).isEqualTo("2026-10-25T02:00:00");
        assertThat(buckets.get(21).get("from").asText()).isEqualTo("2026-10-25T01:00:00Z");
        assertThat(buckets.get(21).get("total").asLong()).as("cet").isEqualTo(1);
        assertThat(buckets.get(24).get("start").asText()).isEqualTo("2026-10-25T05:00:00");
        assertThat(buckets.get(24).get("total").asLong()).as("before").isEqualTo(1);
        assertThat(buckets).extracting(b -> b.get("total").asLong()).as("no other call that day")
                .filteredOn(total -> total > 0).hasSize(3);

        JsonNode oct25 = http.json("admin", "/api/stats/timeline?dateFrom=2026-10-25&dateTo=2026-10-25&by=hour")
                .get("buckets");
        assertThat(oct25).as("06:00 CET to 06:00 CET").hasSize(24);
        assertThat(oct25.get(0).get("total").asLong()).as("first").isEqualTo(1);
        assertThat(oct25.get(23).get("total").asLong()).as("last").isEqualTo(1);
    }

    @Test
    void eachBarOfTheNightTheClocksGoBackListsItsCalls() throws Exception {
        // 25 hours, 02:00 twice (cest, cet), and calls a second either side of the day boundary
        assertThat(ChartDrillDowns.eachBucketListsTheCallsItCounts(http, "admin",
                "dateFrom=2026-10-24&dateTo=2026-10-25&by=hour")).isEqualTo(5);
        assertThat(ChartDrillDowns.eachBucketListsTheCallsItCounts(http, "admin",
                "dateFrom=2026-10-24&dateTo=2026-10-26&by=day")).isEqualTo(6);
        // the week from Monday 19 October, 169 hours long, cut to the period; then the next one's first days
        assertThat(ChartDrillDowns.eachBucketListsTheCallsItCounts(http, "admin",
                "dateFrom=2026-10-19&dateTo=2026-10-27&by=week")).isEqualTo(6);
    }

    @Test
    void aTilesDaysInTheJournalRunFromTheDayBoundaryAsTheFigureCounts() throws Exception {
        for (String day : new String[] {"2026-10-24", "2026-10-25", "2026-10-26"}) {
            LocalDate date = LocalDate.parse(day);
            long missed = http.json("admin", "/api/stats/summary?dateFrom=" + day + "&dateTo=" + day)
                    .at("/inbound/missed").asLong();
            assertThat(ChartDrillDowns.journalTotal(http, "admin", new CallListParameters().days(date, date)
                    .direction(CallDirection.INBOUND).status(CallDisposition.MISSED))).as(day).isEqualTo(missed);
        }
    }

    @Test
    void theNightTheClocksGoForwardHas23Hours() throws Exception {
        // 2026-03-29 02:00 CET became 03:00 CEST: the 28th runs from 06:00 CET (05:00Z) to 06:00 CEST (04:00Z)
        JsonNode buckets = http.json("admin", "/api/stats/timeline?dateFrom=2026-03-28&dateTo=2026-03-28&by=hour")
                .get("buckets");

        assertThat(buckets).hasSize(23);
        assertThat(buckets.get(19).get("start").asText()).isEqualTo("2026-03-29T01:00:00");
        assertThat(buckets.get(20).get("start").asText()).as("02:00 never was").isEqualTo("2026-03-29T03:00:00");
    }

    @Test
    void anOperatorsOwnDaysAndTheOperatorsTableKeepTheSameBoundaries() throws Exception {
        JsonNode my = http.json("ivanov", "/api/stats/my?dateFrom=2026-10-24&dateTo=2026-10-26");

        // the 24th (25 hours): cest, cet, before at 05:59:59; the 25th: first at 06:00:00 and last; the 26th: next
        assertThat(my.get("days")).extracting(d -> d.get("date").asText() + "=" + d.get("total").asLong() + "/"
                + d.get("missed").asLong()).containsExactly("2026-10-24=3/3", "2026-10-25=2/2", "2026-10-26=1/1");
        assertThat(http.json("admin", "/api/stats/operators?dateFrom=2026-10-24&dateTo=2026-10-24")
                .get("operators")).extracting(o -> o.get("login").asText() + " " + o.get("offers").asLong() + "/"
                        + o.get("missed").asLong()).containsExactly("ivanov 3/3");
        assertThat(http.json("admin", "/api/stats/operators?dateFrom=2026-10-25&dateTo=2026-10-25")
                .get("operators")).extracting(o -> o.get("offers").asLong()).containsExactly(2L);
    }

    private static void missed(StatsCalls calls, String id, String number, String at) {
        long call = calls.call(id, "inbound", number, null, "+74951234567", null, "missed", Instant.parse(at), null,
                10, null);
        calls.part(call, "777", ivanov, Instant.parse(at), null, 10, "missed", null, null, null);
    }
}
