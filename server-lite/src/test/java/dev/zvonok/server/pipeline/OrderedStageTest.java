package dev.zvonok.server.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract every stage of the pipeline relies on. Where a test needs the stage's thread to be at a given point,
 * a latch holds it there: nothing here waits a while and hopes.
 */
@Timeout(60)
class OrderedStageTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** Handled items, appended on the stage's thread, read by the test after a flush or a latch. */
    private final List<Integer> handled = Collections.synchronizedList(new ArrayList<>());
    /** Lets a handler hold the stage's thread inside an item until the test releases it. */
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<OrderedStage<?>> stages = new ArrayList<>();

    @AfterEach
    void closeStages() {
        release.countDown();
        stages.forEach(stage -> stage.close(Duration.ofSeconds(5)));
    }

    private <T> OrderedStage<T> started(OrderedStage<T> stage) {
        stages.add(stage);
        return stage.start();
    }

    private OrderedStage<Integer> recording() {
        return started(OrderedStage.oneByOne("test-stage", PATIENCE, handled::add));
    }

    /** Records the item; item {@code held} holds the thread until {@link #release}. */
    private OrderedStage.ItemHandler<Integer> holdingAt(int held) {
        return item -> {
            if (item == held) {
                entered.countDown();
                release.await();
            }
            handled.add(item);
        };
    }

    private static void done(CompletableFuture<Void> flush) throws Exception {
        flush.get(20, TimeUnit.SECONDS);
    }

    // ---------------------------------------------------------------------------------------------------- order

    @Test
    void handlesItemsInTheOrderTheyWereSubmitted() throws Exception {
        OrderedStage<Integer> stage = recording();
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(stage.submit(i)).isTrue();
            expected.add(i);
        }
        done(stage.flush());
        assertThat(handled).containsExactlyElementsOf(expected);
        assertThat(stage.submitted()).isEqualTo(10_000);
        assertThat(stage.handled()).isEqualTo(10_000);
        assertThat(stage.failed()).isZero();
    }

    @Test
    void itemsOfConcurrentProducersAreEachHandledOnceAndInEachProducersOrder() throws Exception {
        int producers = 4;
        int each = 20_000;
        OrderedStage<Integer> stage = recording();
        CyclicBarrier go = new CyclicBarrier(producers);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int producer = p;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                for (int i = 0; i < each; i++) {
                    stage.submit(producer * each + i);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        done(stage.flush());

        assertThat(handled).hasSize(producers * each);
        assertThat(new HashSet<>(handled)).as("none twice, none lost").hasSize(producers * each);
        for (int p = 0; p < producers; p++) {
            int producer = p;
            List<Integer> own = handled.stream().filter(i -> i / each == producer).toList();
            assertThat(own).as("producer %d", p).isSorted();
        }
    }

    // ---------------------------------------------------------------------------------------------------- flush

    @Test
    void flushCompletesOnceEverythingSubmittedBeforeItIsHandled() throws Exception {
        OrderedStage<Integer> stage = started(OrderedStage.inBatches("test-stage", 1, PATIENCE,
                batch -> holdingAt(1).handle(batch.getFirst())));
        stage.submit(1);
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        stage.submit(2);
        stage.submit(3);
        AtomicReference<List<Integer>> handledWhenFlushed = new AtomicReference<>();
        CompletableFuture<Void> flush = stage.flush();
        CompletableFuture<Void> seen = flush.thenRun(() -> handledWhenFlushed.set(List.copyOf(handled)));
        stage.submit(4);

        assertThat(flush).as("item 1 is still being handled").isNotDone();
        release.countDown();
        done(seen);

        assertThat(handledWhenFlushed.get()).as("up to the flush, nothing after it").containsExactly(1, 2, 3);
        done(stage.flush());
        assertThat(handled).containsExactly(1, 2, 3, 4);
    }

    @Test
    void flushWithNothingSubmittedIsAlreadyDone() throws Exception {
        OrderedStage<Integer> stage = recording();
        assertThat(stage.flush()).isCompleted();

        stage.submit(1);
        done(stage.flush());
        assertThat(stage.flush()).as("everything handled: nothing to wait for").isCompleted();
    }

    @Test
    void flushBeforeStartCompletesOnceStartedAndCaughtUp() throws Exception {
        OrderedStage<Integer> stage = OrderedStage.oneByOne("test-stage", PATIENCE, handled::add);
        stages.add(stage);
        stage.submit(1);
        stage.submit(2);
        CompletableFuture<Void> flush = stage.flush();
        assertThat(flush).isNotDone();

        stage.start();
        done(flush);
        assertThat(handled).containsExactly(1, 2);
    }

    // ---------------------------------------------------------------------------------------------------- failures

    @Test
    void aFailingItemIsCountedAndTheThreadGoesOnWithTheNext() throws Exception {
        OrderedStage<Integer> stage = started(OrderedStage.oneByOne("test-stage", PATIENCE, item -> {
            if (item % 2 == 0) {
                throw new IllegalStateException("item " + item + " is bad");
            }
            handled.add(item);
        }));
        for (int i = 1; i <= 5; i++) {
            stage.submit(i);
        }
        done(stage.flush());

        assertThat(handled).containsExactly(1, 3, 5);
        assertThat(stage.failed()).isEqualTo(2);
        assertThat(stage.handled()).as("failed ones included").isEqualTo(5);
        stage.submit(7);
        done(stage.flush());
        assertThat(handled).containsExactly(1, 3, 5, 7);
    }

    @Test
    void aFailingBatchCountsEachOfItsItems() throws Exception {
        List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        OrderedStage<Integer> stage = started(OrderedStage.inBatches("test-stage", 10, PATIENCE, batch -> {
            if (batch.getFirst() == 0) {
                entered.countDown();
                release.await();
            }
            batches.add(batch);
            if (batch.contains(13)) {
                throw new java.io.IOException("a batch with 13 in it");
            }
        }));
        stage.submit(0);
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 11; i <= 14; i++) {
            stage.submit(i);
        }
        release.countDown();
        done(stage.flush());
        stage.submit(20);
        done(stage.flush());

        assertThat(batches).containsExactly(List.of(0), List.of(11, 12, 13, 14), List.of(20));
        assertThat(stage.failed()).isEqualTo(4);
        assertThat(stage.handled()).isEqualTo(6);
    }

    @Test
    void anInterruptLeftBehindByAHandlerDoesNotFailTheNextItem() throws Exception {
        OrderedStage<Integer> stage = OrderedStage.oneByOne("test-stage", PATIENCE, item -> {
            if (item == 1) {
                Thread.currentThread().interrupt();
            } else {
                Thread.sleep(1); // throws at once if the flag were still set
            }
            handled.add(item);
        });
        stage.submit(1);
        stage.submit(2); // both taken at once: no wait for work in between, which would clear the flag too
        started(stage);
        done(stage.flush());

        assertThat(handled).containsExactly(1, 2);
        assertThat(stage.failed()).isZero();
    }

    @Test
    void anErrorStopsTheStageAndFlushesSaySo() throws Exception {
        OrderedStage<Integer> stage = started(OrderedStage.oneByOne("test-stage", PATIENCE, item -> {
            if (item == 2) {
                throw new StackOverflowError("deep");
            }
            handled.add(item);
        }));
        stage.submit(1);
        stage.submit(2);
        stage.submit(3);

        assertThatThrownBy(() -> done(stage.flush())).isInstanceOf(CancellationException.class);
        assertThat(handled).containsExactly(1);
        assertThat(stage.submit(4)).as("nobody would handle it").isFalse();
    }

    // ---------------------------------------------------------------------------------------------------- batches

    @Test
    void aBatchIsEverythingWaitingUpToTheMaximum() throws Exception {
        List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        OrderedStage<Integer> stage = started(OrderedStage.inBatches("test-stage", 3, PATIENCE, batch -> {
            if (batch.getFirst() == 0) {
                entered.countDown();
                release.await();
            }
            batches.add(batch);
        }));
        stage.submit(0);
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 1; i <= 7; i++) {
            stage.submit(i);
        }
        release.countDown();
        done(stage.flush());

        assertThat(batches).containsExactly(List.of(0), List.of(1, 2, 3), List.of(4, 5, 6), List.of(7));
    }

    @Test
    void aQuietStageHandsItsItemsOverOneByOne() throws Exception {
        List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        OrderedStage<Integer> stage = started(OrderedStage.inBatches("test-stage", 100, PATIENCE, batches::add));
        stage.submit(1);
        done(stage.flush());
        stage.submit(2);
        done(stage.flush());

        assertThat(batches).containsExactly(List.of(1), List.of(2));
    }

    @Test
    void aBatchCannotBeChangedByItsHandler() throws Exception {
        AtomicReference<Exception> refused = new AtomicReference<>();
        OrderedStage<Integer> stage = started(OrderedStage.inBatches("test-stage", 10, PATIENCE, batch -> {
            try {
                batch.clear();
            } catch (UnsupportedOperationException e) {
                refused.set(e);
            }
        }));
        stage.submit(1);
        done(stage.flush());
        assertThat(refused.get()).isNotNull();
    }

    // ---------------------------------------------------------------------------------------------------- depth

    @Test
    void depthCountsWhatIsWaitingOrBeingHandledAndMaxDepthItsPeak() throws Exception {
        OrderedStage<Integer> stage = started(OrderedStage.oneByOne("test-stage", PATIENCE, holdingAt(1)));
        stage.submit(1);
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 2; i <= 5; i++) {
            stage.submit(i);
        }
        assertThat(stage.depth()).isEqualTo(5);
        assertThat(stage.maxDepth()).isEqualTo(5);

        release.countDown();
        done(stage.flush());
        assertThat(stage.depth()).isZero();
        assertThat(stage.maxDepth()).isEqualTo(5);
        stage.submit(6);
        done(stage.flush());
        assertThat(stage.maxDepth()).isEqualTo(5);
    }

    // ---------------------------------------------------------------------------------------------------- close

    @Test
    void closeHandlesWhatWasSubmittedThenRefusesMore() throws Exception {
        OrderedStage<Integer> stage = started(OrderedStage.oneByOne("test-stage", PATIENCE, holdingAt(1)));
        for (int i = 1; i <= 1_000; i++) {
            stage.submit(i);
        }
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Boolean> closed = new CompletableFuture<>();
        Thread closer = Thread.ofPlatform().start(() -> closed.complete(stage.close(PATIENCE)));
        await().atMost(Duration.ofSeconds(10)).until(() -> closer.getState() == Thread.State.TIMED_WAITING);
        assertThat(stage.submit(-1)).as("closing").isFalse();

        release.countDown();
        assertThat(closed.get(20, TimeUnit.SECONDS)).as("all handled").isTrue();
        assertThat(handled).hasSize(1_000).doesNotContain(-1).isSorted();
        assertThat(stage.flush()).isCompleted();
        assertThat(stage.close(PATIENCE)).as("closing again only reports").isTrue();
    }

    @Test
    void closeWakesAnIdleThreadAtOnce() throws Exception {
        String name = "idle-stage-" + System.nanoTime();
        OrderedStage<Integer> stage = started(OrderedStage.oneByOne(name, Duration.ofMinutes(10), handled::add));
        stage.submit(1);
        done(stage.flush());
        assertThat(threadNamed(name)).as("waiting for work").isNotNull();

        long start = System.nanoTime();
        assertThat(stage.close(Duration.ofMinutes(10))).isTrue();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(threadNamed(name)).as("gone").isNull();
    }

    @Test
    void closeGivesUpOnAHandlerThatDoesNotFinishInTimeAndInterruptsIt() throws Exception {
        AtomicReference<OrderedStage<Integer>> self = new AtomicReference<>();
        AtomicBoolean sawGivingUp = new AtomicBoolean();
        OrderedStage<Integer> stage = started(OrderedStage.oneByOne("test-stage", PATIENCE, item -> {
            entered.countDown();
            try {
                new CountDownLatch(1).await(); // never released: a database that never comes back
            } catch (InterruptedException e) {
                sawGivingUp.set(self.get().isGivingUp());
                throw e;
            }
            handled.add(item);
        }));
        self.set(stage);
        stage.submit(1);
        stage.submit(2);
        stage.submit(3);
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> flush = stage.flush();

        assertThat(stage.close(Duration.ofMillis(50))).as("not everything was handled").isFalse();

        assertThat(sawGivingUp).isTrue();
        assertThat(handled).isEmpty();
        assertThat(stage.handled()).isZero();
        assertThat(stage.failed()).as("given up on, not failed").isZero();
        assertThat(stage.depth()).isEqualTo(3);
        assertThatThrownBy(() -> done(flush)).isInstanceOf(CancellationException.class);
        assertThatThrownBy(() -> done(stage.flush())).isInstanceOf(CancellationException.class);
    }

    @Test
    void aStageClosedBeforeItStartedHandlesNothing() {
        OrderedStage<Integer> stage = OrderedStage.oneByOne("test-stage", PATIENCE, handled::add);
        stage.submit(1);
        CompletableFuture<Void> flush = stage.flush();

        assertThat(stage.close(PATIENCE)).isFalse();

        assertThat(flush).isCompletedExceptionally();
        assertThat(stage.submit(2)).isFalse();
        assertThat(stage.depth()).isEqualTo(1);
        assertThatThrownBy(stage::start).isInstanceOf(IllegalStateException.class);
        assertThat(handled).isEmpty();
    }

    @Test
    void aHandlerMayCloseItsOwnStage() throws Exception {
        AtomicReference<OrderedStage<Integer>> self = new AtomicReference<>();
        CountDownLatch closedFromInside = new CountDownLatch(1);
        OrderedStage<Integer> stage = OrderedStage.oneByOne("test-stage", PATIENCE, item -> {
            handled.add(item);
            if (item == 1) {
                self.get().close();
                closedFromInside.countDown();
            }
        });
        self.set(stage);
        stage.submit(1);
        stage.submit(2);
        started(stage);

        assertThat(closedFromInside.await(10, TimeUnit.SECONDS)).as("did not wait for itself").isTrue();
        assertThat(stage.close(PATIENCE)).isTrue();
        assertThat(handled).containsExactly(1, 2);
    }

    private static Thread threadNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).findFirst()
                .orElse(null);
    }
}
