package dev.zvonok.app.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The one rule of the statistics' screens for the server recomputing: said, asked again after the server's wait
 * (within reason), and not asked again when a newer load started meanwhile. The wait is the test's: it runs the
 * retries by hand in place of the FX thread's timer.
 */
class RecomputeRetryTest {

    private final List<Duration> waits = new ArrayList<>();
    private final List<Runnable> retries = new ArrayList<>();
    private final AtomicInteger reloads = new AtomicInteger();
    private final RecomputeRetry retry = new RecomputeRetry((wait, later) -> {
        waits.add(wait);
        retries.add(later);
    }, reloads::incrementAndGet);

    private static Throwable recomputing(Duration retryAfter) {
        return new CompletionException(new StatisticsRecomputing("503 statistics-recomputing", retryAfter));
    }

    @Test
    void aRecomputeIsSaidAndLoadedAgainAfterTheServersWait() {
        assertThat(retry.answered(recomputing(Duration.ofSeconds(20)), () -> true)).isTrue();

        assertThat(retry.recomputingProperty().get()).isTrue();
        assertThat(waits).containsExactly(Duration.ofSeconds(20));
        assertThat(reloads).as("not before the wait").hasValue(0);
        retries.removeFirst().run();
        assertThat(reloads).hasValue(1);
    }

    @Test
    void theServersWaitIsKeptWithinReason() {
        retry.answered(recomputing(null), () -> true);
        retry.answered(recomputing(Duration.ZERO), () -> true);
        retry.answered(recomputing(Duration.ofHours(1)), () -> true);
        assertThat(waits).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofMinutes(2));
    }

    @Test
    void aNewerLoadMeanwhileIsLeftToDecide() {
        AtomicBoolean latest = new AtomicBoolean(true);
        retry.answered(recomputing(Duration.ofSeconds(10)), latest::get);
        latest.set(false); // the user chose another period while waiting
        retries.removeFirst().run();
        assertThat(reloads).hasValue(0);
    }

    @Test
    void anAnswerEndsTheRecomputeAndSchedulesNothing() {
        retry.answered(recomputing(Duration.ofSeconds(10)), () -> true);
        assertThat(retry.answered(null, () -> true)).isFalse();
        assertThat(retry.recomputingProperty().get()).isFalse();
        assertThat(waits).hasSize(1);
    }

    @Test
    void anotherFailureIsTheScreensToSay() {
        assertThat(retry.answered(new CompletionException(new IOException("away")), () -> true)).isFalse();
        assertThat(retry.recomputingProperty().get()).isFalse();
        assertThat(waits).isEmpty();
    }

    @Test
    void theRecomputeIsFoundUnderTheFuturesWrappers() {
        Throwable wrapped = new CompletionException(new ExecutionException(recomputing(Duration.ofSeconds(7))));
        assertThat(retry.answered(wrapped, () -> true)).isTrue();
        assertThat(waits).containsExactly(Duration.ofSeconds(7));
    }
}
