package dev.zvonok.server.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.model.call.OfferResult;
import dev.zvonok.model.phone.PhoneNumbers;
import dev.zvonok.server.pbx.PlaybackSpeed;
import dev.zvonok.server.tracking.CallRecord;
import dev.zvonok.server.tracking.ExpectedCalls;
import dev.zvonok.server.tracking.ExtensionPatternEndpoints;
import dev.zvonok.server.tracking.OfferRecord;
import dev.zvonok.server.tracking.RecordedTraces;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every recording through the real TCP path: our AMI endpoint plays it, asterisk-java logs in and reads it, the
 * tracker follows it. The calls must be exactly the expected ones.
 */
class TraceReplayTest {

    static final List<String> TRACES = RecordedTraces.ALL;
    private static final double SPEED = 25;

    private final TraceReplay replay = new TraceReplay(PhoneNumbers.russian(), ExtensionPatternEndpoints.standard(),
            PlaybackSpeed.times(SPEED), Duration.ofSeconds(20));

    @ParameterizedTest
    @FieldSource("TRACES")
    void replayedThroughAsteriskJavaYieldsExactlyTheExpectedCalls(String trace) throws Exception {
        List<CallRecord> calls = replay.run(RecordedTraces.load(trace), call -> { });

        ExpectedCalls.assertMatches(trace, calls);
    }

    @Test
    void durationsComeOutAsRecordedWhenPlayedFaster() throws Exception {
        TraceReplay fiveTimes = new TraceReplay(PhoneNumbers.russian(), ExtensionPatternEndpoints.standard(),
                PlaybackSpeed.times(5), Duration.ofSeconds(20));
        List<CallRecord> calls = fiveTimes.run(RecordedTraces.load("01-inbound-answered-caller-hangup"), call -> { });

        OfferRecord offer = calls.getFirst().offers().getFirst();
        assertThat(offer.result()).isEqualTo(OfferResult.ANSWERED);
        // recorded: rings 3.0 s, talks 5.0 s; unscaled they would read 0.6 s and 1 s. Every millisecond of scheduling
        // noise on a busy machine (a cold JVM loading asterisk-java's event classes: this test runs first in its
        // module) is 5 ms of trace time, either way: the bounds only tell scaled from unscaled.
        assertThat(Duration.between(offer.ringAt(), offer.answerAt())).isBetween(ms(2000), ms(4000));
        assertThat(Duration.between(offer.answerAt(), offer.endAt())).isBetween(ms(4000), ms(6500));
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }
}
