package dev.zvonok.app.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FxTickSourceTest {

    @Test
    void ticksThroughTheGivenExecutorUntilStopped() {
        AtomicInteger ticks = new AtomicInteger();
        AtomicInteger hops = new AtomicInteger();
        try (FxTickSource source = new FxTickSource(Duration.ofMillis(10), task -> {
            hops.incrementAndGet();
            task.run();
        })) {
            source.start(ticks::incrementAndGet);
            source.start(() -> {
                throw new AssertionError("the first start stays");
            });
            await().atMost(Duration.ofSeconds(5)).until(() -> ticks.get() >= 3);
            assertThat(hops.get()).isEqualTo(ticks.get());

            source.stop();
            int afterStop = ticks.get();
            await().pollDelay(Duration.ofMillis(50)).atMost(Duration.ofSeconds(1))
                    .until(() -> ticks.get() <= afterStop + 1);

            source.start(ticks::incrementAndGet);
            await().atMost(Duration.ofSeconds(5)).until(() -> ticks.get() >= afterStop + 3);
        }
    }
}
