package dev.zvonok.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zvonok.model.api.CallFilter;
import dev.zvonok.model.api.CallListParameters;
import dev.zvonok.model.api.CountedIn;
import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.stats.StatsQuery;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the Statistics view's tiles and charts drill down to, asked of a running server: the journal
 * ({@code GET /api/calls}) with the parameters the app sends — the figure's period, outcome and direction, and the
 * statistics' question it came from as {@code countedIn} — must count what the tile, bar or point counts.
 */
final class ChartDrillDowns {

    private static final List<CallDisposition> OUTCOMES = List.of(CallDisposition.ANSWERED, CallDisposition.MISSED,
            CallDisposition.ABANDONED);

    private ChartDrillDowns() {
    }

    /**
     * Every bucket of the timeline: the inbound calls of each outcome the journal lists for its stretch
     * {@code [from, to)} are as many as its bar says, and all of its inbound calls as many as its total (the calls its
     * service level is counted over).
     *
     * @param timelineQuery the timeline's question, {@code dateFrom=...&dateTo=...&by=hour} and any filters
     * @return how many calls the buckets counted, so that a test can tell it checked something
     */
    static long eachBucketListsTheCallsItCounts(StatsHttp http, String login, String timelineQuery)
            throws Exception {
        List<Map.Entry<String, String>> stats = statsQuestion(timelineQuery);
        long counted = 0;
        for (JsonNode bucket : http.json(login, "/api/stats/timeline?" + timelineQuery).get("buckets")) {
            Instant from = Instant.parse(bucket.get("from").asText());
            Instant to = Instant.parse(bucket.get("to").asText());
            for (CallDisposition outcome : OUTCOMES) {
                assertThat(journalTotal(http, login, new CallListParameters().during(from, to)
                        .direction(CallDirection.INBOUND).status(outcome).countedIn(CountedIn.SUMMARY, stats)))
                        .as(outcome.wireName() + " of " + bucket).isEqualTo(bucket.get(outcome.wireName()).asLong());
            }
            long total = bucket.get("total").asLong();
            assertThat(journalTotal(http, login, new CallListParameters().during(from, to)
                    .direction(CallDirection.INBOUND).countedIn(CountedIn.SUMMARY, stats)))
                    .as("inbound of " + bucket).isEqualTo(total);
            counted += total;
        }
        return counted;
    }

    /**
     * Every tile of the summary with calls behind it (inbound: all, answered, missed, abandoned; outbound; internal):
     * the journal of its days, outcome and direction lists as many calls as it says.
     *
     * @param summaryQuery the summary's question, {@code dateFrom=...&dateTo=...} and any filters
     * @return how many calls the summary counted (inbound, outbound, internal)
     */
    static long eachTileListsTheCallsItCounts(StatsHttp http, String login, String summaryQuery) throws Exception {
        List<Map.Entry<String, String>> stats = statsQuestion(summaryQuery);
        JsonNode summary = http.json(login, "/api/stats/summary?" + summaryQuery);
        JsonNode inbound = summary.get("inbound");
        for (CallDisposition outcome : OUTCOMES) {
            assertThat(journalTotal(http, login, days(stats).direction(CallDirection.INBOUND).status(outcome)
                    .countedIn(CountedIn.SUMMARY, stats)))
                    .as(outcome.wireName() + " of " + summaryQuery).isEqualTo(inbound.get(outcome.wireName()).asLong());
        }
        long counted = 0;
        for (CallDirection direction : CallDirection.values()) {
            long total = summary.get(direction.wireName()).get("total").asLong();
            assertThat(journalTotal(http, login, days(stats).direction(direction)
                    .countedIn(CountedIn.SUMMARY, stats))).as(direction + " of " + summaryQuery).isEqualTo(total);
            counted += total;
        }
        return counted;
    }

    /**
     * Every operator's bars (answered, talk time): the journal of the calls with a part they answered lists as many
     * as their answered figure.
     *
     * @return how many parts the operators answered
     */
    static long eachOperatorsAnsweredListsTheirCalls(StatsHttp http, String login, String operatorsQuery)
            throws Exception {
        List<Map.Entry<String, String>> stats = statsQuestion(operatorsQuery);
        long counted = 0;
        for (JsonNode operator : http.json(login, "/api/stats/operators?" + operatorsQuery).get("operators")) {
            long answered = operator.get("answered").asLong();
            assertThat(journalTotal(http, login, days(stats)
                    .filter(CallFilter.NONE.answeredBy(operator.get("userId").asLong()))
                    .countedIn(CountedIn.OPERATORS, stats))).as(operator.toString()).isEqualTo(answered);
            counted += answered;
        }
        return counted;
    }

    /**
     * The hold and handle-time tiles, sums over the operators' answered parts: their journal lists the calls of every
     * operator's answered bar (asked of the journal's own {@code answeredBy}, a rule written apart), no call more.
     *
     * @return how many calls the tiles' journal lists
     */
    static long theWorkTilesListTheCallsOfEveryAnsweredPart(StatsHttp http, String login, String summaryQuery)
            throws Exception {
        List<Map.Entry<String, String>> stats = statsQuestion(summaryQuery);
        java.util.Set<String> answeredByOne = new java.util.TreeSet<>();
        for (JsonNode operator : http.json(login, "/api/stats/operators?" + summaryQuery).get("operators")) {
            answeredByOne.addAll(journalIds(http, login, days(stats)
                    .filter(CallFilter.NONE.answeredBy(operator.get("userId").asLong()))
                    .countedIn(CountedIn.OPERATORS, stats)));
        }
        List<String> work = journalIds(http, login, days(stats).countedIn(CountedIn.WORK, stats));
        assertThat(new java.util.TreeSet<>(work)).as("hold and handle time of " + summaryQuery)
                .isEqualTo(answeredByOne);
        return work.size();
    }

    /** The ids of the calls the journal lists for these parameters: its first page, which a test's calls fit in. */
    private static List<String> journalIds(StatsHttp http, String login, CallListParameters parameters)
            throws Exception {
        JsonNode page = http.json(login, "/api/calls?" + parameters.limit(100).encoded());
        assertThat(page.at("/pagination/total").asLong()).as("one page").isLessThanOrEqualTo(100);
        List<String> ids = new java.util.ArrayList<>();
        page.get("data").forEach(call -> ids.add(call.get("id").asText()));
        return ids;
    }

    /**
     * The call-backs tile opens the call-back list on its own question: the list's numbers hold as many calls as the
     * tile says (each number's attempts).
     *
     * @return the calls to call back
     */
    static long theCallBacksTileListsItsCalls(StatsHttp http, String login, String summaryQuery) throws Exception {
        long pending = http.json(login, "/api/stats/summary?" + summaryQuery).at("/callbacks/pending").asLong();
        long attempts = 0;
        for (JsonNode number : http.json(login, "/api/stats/callbacks?" + summaryQuery + "&limit=200").get("items")) {
            attempts += number.get("attempts").asLong();
        }
        assertThat(attempts).as("the list's calls of " + summaryQuery).isEqualTo(pending);
        return pending;
    }

    /** How many calls the journal finds for these parameters, on the server (not just a page). */
    static long journalTotal(StatsHttp http, String login, CallListParameters parameters) throws Exception {
        return http.json(login, "/api/calls?" + parameters.limit(1).encoded()).at("/pagination/total").asLong();
    }

    /** The statistics' question of a query string, as the app carries it: its period and filters, not its form. */
    private static List<Map.Entry<String, String>> statsQuestion(String query) {
        return Arrays.stream(query.split("&"))
                .map(pair -> pair.split("=", 2))
                .map(pair -> Map.entry(pair[0], URLDecoder.decode(pair[1], StandardCharsets.UTF_8)))
                .filter(p -> !p.getKey().equals(StatsQuery.BY) && !p.getKey().equals(StatsQuery.FORMAT))
                .toList();
    }

    /** The journal of the question's days. */
    private static CallListParameters days(List<Map.Entry<String, String>> stats) {
        return new CallListParameters().days(date(stats, StatsQuery.DATE_FROM), date(stats, StatsQuery.DATE_TO));
    }

    private static LocalDate date(List<Map.Entry<String, String>> stats, String name) {
        return stats.stream().filter(p -> p.getKey().equals(name)).map(p -> LocalDate.parse(p.getValue()))
                .findFirst().orElseThrow();
    }
}
