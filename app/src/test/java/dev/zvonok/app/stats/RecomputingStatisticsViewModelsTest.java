package dev.zvonok.app.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.app.history.Dialer;
import dev.zvonok.app.testing.MutableClock;
import dev.zvonok.model.stats.MyStats;
import dev.zvonok.model.stats.StatsCallbacks;
import dev.zvonok.model.stats.StatsOperators;
import dev.zvonok.model.stats.StatsSummary;
import dev.zvonok.model.stats.StatsTimeline;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * The server recomputing its statistics (503 {@code statistics-recomputing}): the Statistics window, the call-back
 * list and My day say so instead of an error, keep what they showed, and ask again by themselves after the server's
 * {@code Retry-After} — here run by the test, in place of the FX thread's timer.
 */
class RecomputingStatisticsViewModelsTest {

    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"),
            ZoneId.of("Europe/Moscow"));

    private final FakeStats server = new FakeStats();
    private final List<Duration> waits = new ArrayList<>();
    private final List<Runnable> retries = new ArrayList<>();
    private final RetryLater later = (wait, retry) -> {
        waits.add(wait);
        retries.add(retry);
    };

    private static CompletionException recomputing() {
        return new CompletionException(new StatisticsRecomputing("503 statistics-recomputing: since …",
                Duration.ofSeconds(30)));
    }

    /** The Statistics window's three questions answered with {@code failure}. */
    private void figuresFail(Throwable failure) {
        server.<StatsSummary>last("summary").answer().completeExceptionally(failure);
        server.<StatsTimeline>last("timeline:hour").answer().completeExceptionally(failure);
        server.<StatsOperators>last("operators").answer().completeExceptionally(failure);
    }

    private void retry() {
        assertThat(retries).as("a retry scheduled").isNotEmpty();
        retries.removeFirst().run();
    }

    @Test
    void theStatisticsWindowSaysSoAndLoadsAgainByItself() {
        StatisticsViewModel vm = new StatisticsViewModel(server, Runnable::run, CLOCK, later);
        vm.load();
        figuresFail(recomputing());

        assertThat(vm.recomputingProperty().get()).isTrue();
        assertThat(vm.problemProperty().get()).as("not an error").isNull();
        assertThat(waits).containsExactly(Duration.ofSeconds(30));

        retry();
        assertThat(server.queries("summary")).as("asked again").hasSize(2);
        assertThat(vm.recomputingProperty().get()).as("still said while asking again").isTrue();
        server.<StatsSummary>last("summary").answer().complete(StatisticsViewModelTest.summary(3, 2, 1, 0));
        server.<StatsTimeline>last("timeline:hour").answer().complete(new StatsTimeline(null, "hour", List.of()));
        server.<StatsOperators>last("operators").answer().complete(new StatsOperators(null, List.of()));
        assertThat(vm.recomputingProperty().get()).isFalse();
        assertThat(vm.summaryProperty().get().inbound().total()).isEqualTo(3);
    }

    @Test
    void aRetryOfAChoiceNoLongerShownAsksNothing() {
        StatisticsViewModel vm = new StatisticsViewModel(server, Runnable::run, CLOCK, later);
        vm.load();
        figuresFail(recomputing());
        vm.load(); // the user's refresh meanwhile
        retry();
        assertThat(server.queries("summary")).as("the refresh's question stands").hasSize(2);
    }

    @Test
    void anotherFailureIsStillAnError() {
        StatisticsViewModel vm = new StatisticsViewModel(server, Runnable::run, CLOCK, later);
        vm.load();
        figuresFail(new CompletionException(new java.io.IOException("away")));
        assertThat(vm.problemProperty().get()).isEqualTo("away");
        assertThat(vm.recomputingProperty().get()).isFalse();
        assertThat(retries).isEmpty();
    }

    @Test
    void theCallBackListKeepsItsRowsAndReadsAgainByItself() {
        Dialer dialer = number -> new CompletableFuture<>();
        CallbacksViewModel vm = new CallbacksViewModel(server, dialer, Runnable::run, CLOCK, later);
        vm.refresh();
        server.<StatsCallbacks>last("callbacks").answer().completeExceptionally(recomputing());

        assertThat(vm.recomputingProperty().get()).isTrue();
        assertThat(vm.problemProperty().get()).isNull();
        retry();
        server.<StatsCallbacks>last("callbacks").answer().complete(new StatsCallbacks(null, 0, 1, 200, List.of()));
        assertThat(vm.recomputingProperty().get()).isFalse();
        assertThat(server.queries("callbacks")).hasSize(2);
    }

    @Test
    void myDayKeepsItsFiguresAndReadsAgainByItself() {
        MyDayViewModel vm = new MyDayViewModel(server, Runnable::run, CLOCK, later);
        vm.refresh();
        MyStats mine = new MyStats(null, 5, 4, 1, 0.8, List.of());
        server.<MyStats>last("my").answer().complete(mine);
        vm.refresh();
        server.<MyStats>last("my").answer().completeExceptionally(recomputing());

        assertThat(vm.recomputingProperty().get()).isTrue();
        assertThat(vm.figuresProperty().get()).as("no zeros made up").isEqualTo(mine);
        retry();
        server.<MyStats>last("my").answer().complete(new MyStats(null, 6, 5, 1, 5.0 / 6, List.of()));
        assertThat(vm.recomputingProperty().get()).isFalse();
        assertThat(vm.figuresProperty().get().total()).isEqualTo(6);
    }

    @Test
    void theWaitIsTheServersWithinReason() {
        assertThat(new StatisticsRecomputing("", null).retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(new StatisticsRecomputing("", Duration.ZERO).retryAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(new StatisticsRecomputing("", Duration.ofHours(1)).retryAfter()).isEqualTo(Duration.ofMinutes(2));
    }
}
