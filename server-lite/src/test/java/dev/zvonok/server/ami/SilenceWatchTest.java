package dev.zvonok.server.ami;

import static dev.zvonok.server.ami.SilenceWatch.Verdict.ALIVE;
import static dev.zvonok.server.ami.SilenceWatch.Verdict.DEAD;
import static dev.zvonok.server.ami.SilenceWatch.Verdict.PING;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The rule by which a silent link is asked, and given up on; times in milliseconds as nanoTime values. */
class SilenceWatchTest {

    private final SilenceWatch watch = new SilenceWatch(Duration.ofSeconds(1), Duration.ofMillis(1500));

    @Test
    void aLinkSilentForASecondIsAskedAndOneThatThenSaysNothingForOneAndAHalfIsDead() {
        long heard = ms(10_000);

        assertThat(watch.check(ms(10_999), heard)).isEqualTo(ALIVE);
        assertThat(watch.nextCheckAt(heard)).isEqualTo(ms(11_000));
        assertThat(watch.check(ms(11_000), heard)).isEqualTo(PING);
        assertThat(watch.nextCheckAt(heard)).isEqualTo(ms(12_500));
        assertThat(watch.check(ms(12_499), heard)).isEqualTo(ALIVE);
        assertThat(watch.check(ms(12_500), heard)).isEqualTo(DEAD);
    }

    @Test
    void anyMessageAfterThePingAnswersItAndTheSilenceCountsFromThatMessage() {
        assertThat(watch.check(ms(11_000), ms(10_000))).isEqualTo(PING);
        long pong = ms(11_003);

        assertThat(watch.check(ms(11_004), pong)).isEqualTo(ALIVE);
        assertThat(watch.nextCheckAt(pong)).isEqualTo(ms(12_003));
        assertThat(watch.check(ms(12_003), pong)).isEqualTo(PING);
        assertThat(watch.check(ms(13_503), pong)).isEqualTo(DEAD);
    }

    @Test
    void aBusyLinkIsNeverAsked() {
        for (long now = 10_000; now < 20_000; now += 100) {
            assertThat(watch.check(ms(now), ms(now - 50))).isEqualTo(ALIVE);
        }
    }

    private static long ms(long millis) {
        return millis * 1_000_000;
    }
}
