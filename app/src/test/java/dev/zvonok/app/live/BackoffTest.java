package dev.zvonok.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), new Random(7));

    @Test
    void waitsDoubleUpToTheCapEachBetweenHalfAndAllOfItsCeiling() {
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            waits.add(backoff.next());
        }

        long ceiling = 500;
        for (Duration wait : waits) {
            assertThat(wait.toMillis()).isBetween(ceiling / 2, ceiling);
            ceiling = Math.min(ceiling * 2, 30_000);
        }
        assertThat(waits.getLast()).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
    }

    @Test
    void aResetStartsOverFromTheFirstWait() {
        for (int i = 0; i < 8; i++) {
            backoff.next();
        }

        backoff.reset();

        assertThat(backoff.next()).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
    }

    @Test
    void theWaitsAreJittered() {
        Backoff another = new Backoff(Duration.ofSeconds(30), Duration.ofSeconds(30), new Random(11));
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            waits.add(another.next());
        }

        assertThat(waits).doesNotHaveDuplicates();
    }
}
