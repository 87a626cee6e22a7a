package dev.zvonok.server.stats;

import static dev.zvonok.server.db.schema.Tables.CALLS;
import static dev.zvonok.server.db.schema.Tables.CALL_OFFERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.model.stats.InboundCounters;
import dev.zvonok.server.db.TestDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How long a caller waited for an operator: a missed call's wait ends when the last phone stopped ringing, even when
 * the PBX then kept the caller on the line (voicemail, as in recording pjsip/13), counted the same from the calls and
 * from the hourly rows.
 */
class LongestWaitTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final Instant TEN = Instant.parse("2026-12-04T07:00:00Z"); // 10:00 in Moscow
    private static final LocalDate DAY = LocalDate.of(2026, 12, 4);

    private final StatsSettings settings = StatsSettings.standard(MOSCOW);
    private final Period day = new BusinessDays(settings).days(DAY, DAY);

    @BeforeEach
    void clean() {
        db.clean();
    }

    @Test
    void aCallerSentToVoicemailWaitedOnlyWhileThePhoneRang() {
        // rang 999 for 6 s, then left a 25 s message: the call ended 31 s after it started
        long voicemail = call("vm", "missed", TEN, 31);
        offer(voicemail, TEN, 6, "missed");

        assertThat(longestWait()).as("6 s of ringing, not the 31 s of the call").containsOnly(6L);
    }

    @Test
    void aCallerWhoGaveUpWaitedUntilHangingUpWhateverRang() {
        // 777 rang 8 s and stopped (a queue's ring timeout); the caller hung up in the queue 20 s after the start
        long abandoned = call("ab", "abandoned", TEN, 20);
        offer(abandoned, TEN, 8, "missed");
        // a missed call that no phone ever rang (every operator logged off): its whole length
        call("nobody", "missed", TEN.plusSeconds(60), 12);

        assertThat(longestWait()).containsOnly(20L);
    }

    @Test
    void aMissedCallThatRangUntilItsEndWaitedItsWholeLength() {
        long missed = call("to", "missed", TEN, 15);
        offer(missed, TEN.plusSeconds(1), 14, "missed"); // rang from 1 s to the end at 15 s

        assertThat(longestWait()).containsOnly(15L);
    }

    /** From the calls themselves, then from the hourly rows: both must agree. */
    private java.util.List<Long> longestWait() {
        InboundCounters raw = new InboundStatistics(db.dsl(), settings)
                .inbound(day, StatsScope.everything(), TEN.plusSeconds(3600)).total();
        HourlyAggregates hourly = new HourlyAggregates(db.dsl(), settings);
        hourly.rebuild();
        InboundCounters fromHours = new InboundStatistics(db.dsl(), settings, hourly)
                .inbound(day, StatsScope.everything(), TEN.plusSeconds(3600)).total();
        return java.util.List.of(raw.longestWaitSeconds(), fromHours.longestWaitSeconds());
    }

    private static long call(String id, String disposition, Instant start, int endedAfter) {
        return db.dsl().insertInto(CALLS, CALLS.LINKEDID, CALLS.DIRECTION, CALLS.DISPOSITION, CALLS.STARTED_AT,
                        CALLS.ENDED_AT)
                .values(id, "inbound", disposition, utc(start), utc(start.plusSeconds(endedAfter)))
                .returning(CALLS.ID).fetchOne(CALLS.ID);
    }

    private static void offer(long call, Instant ring, int rangFor, String result) {
        db.dsl().insertInto(CALL_OFFERS, CALL_OFFERS.CALL_ID, CALL_OFFERS.EXTENSION, CALL_OFFERS.RING_AT,
                        CALL_OFFERS.END_AT, CALL_OFFERS.RESULT)
                .values(call, "999", utc(ring), utc(ring.plusSeconds(rangFor)), result)
                .execute();
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
