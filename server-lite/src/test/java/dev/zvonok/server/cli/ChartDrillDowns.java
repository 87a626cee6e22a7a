package dev.zvonok.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zvonok.model.api.CallListParameters;
import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import java.time.Instant;
import java.util.List;

/**
 * What the Statistics view's charts drill down to, asked of a running server: the journal ({@code GET /api/calls})
 * with the parameters the app sends must count what the chart's bar or point counts.
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
     * @return how many calls the buckets counted, so that a test can tell it checked something
     */
    static long eachBucketListsTheCallsItCounts(StatsHttp http, String login, String timelineQuery)
            throws Exception {
        long counted = 0;
        for (JsonNode bucket : http.json(login, "/api/stats/timeline?" + timelineQuery).get("buckets")) {
            Instant from = Instant.parse(bucket.get("from").asText());
            Instant to = Instant.parse(bucket.get("to").asText());
            for (CallDisposition outcome : OUTCOMES) {
                assertThat(journalTotal(http, login, new CallListParameters().during(from, to)
                        .direction(CallDirection.INBOUND).status(outcome)))
                        .as(outcome.wireName() + " of " + bucket).isEqualTo(bucket.get(outcome.wireName()).asLong());
            }
            long total = bucket.get("total").asLong();
            assertThat(journalTotal(http, login, new CallListParameters().during(from, to)
                    .direction(CallDirection.INBOUND))).as("inbound of " + bucket).isEqualTo(total);
            counted += total;
        }
        return counted;
    }

    /** How many calls the journal finds for these parameters, on the server (not just a page). */
    static long journalTotal(StatsHttp http, String login, CallListParameters parameters) throws Exception {
        return http.json(login, "/api/calls?" + parameters.limit(1).encoded()).at("/pagination/total").asLong();
    }
}
