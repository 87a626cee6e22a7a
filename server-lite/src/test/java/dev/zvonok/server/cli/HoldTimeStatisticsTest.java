package dev.zvonok.server.cli;

import static dev.zvonok.server.db.schema.Tables.CALL_OFFERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zvonok.server.amiwire.TimedMessage;
import dev.zvonok.server.db.TestDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hold time (Hold → Unhold) from real recordings replayed through the whole server — tracker, recorder, hourly rows,
 * REST — equals the recording's own arithmetic. The events carry Asterisk's {@code Timestamp} (as with
 * {@code timestampevents = yes} in manager.conf), the recording's moments from a whole second: so every duration is
 * the recording's to the millisecond, whatever the replay's speed.
 */
class HoldTimeStatisticsTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    final ReplayedServer replayed = new ReplayedServer(db);

    @Test
    void aHoldAndResumeIsTheHoldOfTheOperatorsPart() throws Exception {
        String days = replay("12-inbound-hold-resume", all -> true, 1);

        // 777 answers at 3.506, holds at 5.506, resumes at 9.507, hangs up at 12.508 (README, timing.tsv):
        // hold 9.507 − 5.506 = 4.001 s, inside the talk 12.508 − 3.506 = 9.002 s
        assertThat(holdMs("777")).isEqualTo(4_001L);
        JsonNode summary = replayed.http().json("admin", "/api/stats/summary?" + days);
        assertThat(summary.get("talkSeconds").asLong()).isEqualTo(9);
        assertThat(summary.get("holdSeconds").asLong()).isEqualTo(4);
        JsonNode ivanov = operator(days, "ivanov");
        assertThat(ivanov.get("holdSeconds").asLong()).isEqualTo(4);
        assertThat(ivanov.get("avgHoldSeconds").asDouble()).isCloseTo(4.001, within(1e-9));
        assertThat(ivanov.get("avgTalkSeconds").asDouble()).isCloseTo(9.002, within(1e-9));
    }

    @Test
    void aHoldStillRunningAtTheHangUpCountsUpToIt() throws Exception {
        // the same call without its Unhold: the caller hangs up on the music at 12.508
        String days = replay("12-inbound-hold-resume", message -> !message.message().isEvent("Unhold"), 1);

        // 12.508 − 5.506 = 7.002 s
        assertThat(holdMs("777")).isEqualTo(7_002L);
        assertThat(replayed.http().json("admin", "/api/stats/summary?" + days).get("holdSeconds").asLong())
                .isEqualTo(7);
        assertThat(operator(days, "ivanov").get("avgHoldSeconds").asDouble()).isCloseTo(7.002, within(1e-9));
    }

    @Test
    void anAttendedTransferEndsTheHoldOfThePartItEnds() throws Exception {
        // P18: 777 answers at 3.107, holds the caller at 5.915 (PJSIP/777-000000c3, the caller's call), consults 888,
        // Unhold on that leg at 12.531, the REFER's AttendedTransfer at 12.535 ends 777's part; 888 never holds
        String days = replay("pjsip/18-pjsip-phone-attended-transfer-refer", all -> true, 1);
        assertThat(holdMs("777")).isEqualTo(12_531L - 5_915L);
        assertThat(holdMs("888")).isZero();
        JsonNode summary = replayed.http().json("admin", "/api/stats/summary?" + days);
        assertThat(summary.get("holdSeconds").asLong()).as("6.616 s").isEqualTo(7);
        Map<String, Long> holds = new TreeMap<>();
        replayed.http().json("admin", "/api/stats/operators?" + days).get("operators")
                .forEach(o -> holds.put(o.get("login").asText(), o.get("holdSeconds").asLong()));
        assertThat(holds).containsExactly(Map.entry("ivanov", 7L), Map.entry("petrov", 0L));
    }

    @Test
    void aTransferWhileTheCallerIsOnHoldEndsTheHoldThere() throws Exception {
        // P18 without its Unhold events: 777's hold runs until the transfer ends 777's part, 12.535 − 5.915 = 6.620 s
        String days = replay("pjsip/18-pjsip-phone-attended-transfer-refer",
                message -> !message.message().isEvent("Unhold"), 1);
        assertThat(holdMs("777")).isEqualTo(12_535L - 5_915L);
        assertThat(operator(days, "ivanov").get("avgHoldSeconds").asDouble()).isCloseTo(6.620, within(1e-9));
    }

    private long holdMs(String extension) {
        return db.dsl().select(CALL_OFFERS.HOLD_MS).from(CALL_OFFERS)
                .where(CALL_OFFERS.EXTENSION.eq(extension)).fetchSingle().value1();
    }

    private JsonNode operator(String days, String login) throws Exception {
        for (JsonNode o : replayed.http().json("admin", "/api/stats/operators?" + days).get("operators")) {
            if (o.get("login").asText().equals(login)) {
                return o;
            }
        }
        throw new AssertionError(login + " is not in the operators' table");
    }

    /**
     * Plays the messages of a recording that {@code kept} keeps, stamped with the PBX's clock from a whole second on;
     * waits for its calls; the days they fall on, as a query.
     */
    private String replay(String trace, Predicate<TimedMessage> kept, int calls) {
        return replayed.playStamped(trace, Instant.now().truncatedTo(ChronoUnit.SECONDS), kept, calls);
    }
}
