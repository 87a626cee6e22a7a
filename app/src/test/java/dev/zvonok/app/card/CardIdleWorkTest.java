package dev.zvonok.app.card;

import static dev.zvonok.app.card.Calls.CALL;
import static dev.zvonok.app.card.Calls.OTHER_CALL;
import static dev.zvonok.app.card.Calls.RING_AT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.app.settings.Languages;
import dev.zvonok.app.testing.MutableClock;
import dev.zvonok.model.call.OfferResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the cards do a while after they last changed, if none rings: the next card built ahead, then the heap
 * collected once per call that ended. The timer and the background thread are the test's.
 */
class CardIdleWorkTest {

    private final MutableClock clock = new MutableClock(RING_AT.plusMillis(300), Calls.ZONE);
    private final CardsPresenter presenter =
            new CardsPresenter(new RecordingSync(), clock, new ManualTicks(), Languages.ENGLISH);
    /** What ran, in order: "prepare" on the FX thread, "collect" on the background thread. */
    private final List<String> work = new ArrayList<>();
    /** What was handed to the background thread; run by the test. */
    private final List<Runnable> background = new ArrayList<>();
    private final ManualTimer timer = new ManualTimer();
    private final CardIdleWork idle = new CardIdleWork(presenter.cards(), timer::given, () -> work.add("prepare"),
            new IdleCollection(background::add, () -> 0, () -> work.add("collect")));

    @BeforeEach
    void loggedIn() {
        assertThat(timer.pending).as("its while starts at login").isTrue();
        timer.elapse();
        assertThat(work).as("the first card built ahead; no call has ended").containsExactly("prepare");
        assertThat(background).isEmpty();
        work.clear();
    }

    @Test
    void whileACardRingsNothingIsBuiltNorCollected() {
        presenter.accept(Calls.ring());

        timer.elapse();

        assertThat(work).isEmpty();
        assertThat(background).isEmpty();
    }

    @Test
    void aRingThatStopsHasTheNextCardBuiltAWhileLaterAndThenTheHeapCollectedOnTheBackgroundThread() {
        presenter.accept(Calls.ring());
        presenter.accept(Calls.ringEnded(CALL, OfferResult.ABANDONED));
        assertThat(work).as("not at once: the card is still being drawn").isEmpty();

        timer.elapse();
        assertThat(work).as("not on the FX thread").containsExactly("prepare");
        runInBackground();

        assertThat(work).containsExactly("prepare", "collect");
    }

    @Test
    void everyChangeStartsTheOneWhileAgainAndItsWorkRunsOnce() {
        presenter.accept(Calls.ring());
        int restarts = timer.restarts;
        presenter.accept(Calls.ringEnded(CALL, OfferResult.ABANDONED));
        presenter.cards().getFirst().finish();

        assertThat(timer.restarts).isGreaterThan(restarts);
        timer.elapse();
        timer.elapse();
        runInBackground();

        assertThat(work).containsExactly("prepare", "collect");
    }

    @Test
    void anAnsweredCallHasTheNextCardBuiltAndItsEndTheHeapCollectedOnceNotAgainAsItsCardIsFinishedAndCloses() {
        presenter.accept(Calls.ring());
        presenter.accept(Calls.answered(CALL, "777", RING_AT.plusSeconds(4)));
        timer.elapse();
        assertThat(work).as("nothing rings: a second ring would find its card ready").containsExactly("prepare");
        assertThat(background).as("a call in progress is no moment to collect").isEmpty();

        presenter.accept(Calls.endedAfterTalk(CALL, RING_AT.plusSeconds(4), Duration.ofSeconds(30)));
        timer.elapse();
        runInBackground();
        presenter.cards().getFirst().finish();
        presenter.accept(Calls.finished(CALL));
        timer.elapse();

        assertThat(background).isEmpty();
        assertThat(work).containsExactly("prepare", "prepare", "collect", "prepare");
    }

    @Test
    void aCallThatEndsWhileAnotherRingsWaitsForThatOneToEnd() {
        presenter.accept(Calls.ring());
        presenter.accept(Calls.ring(OTHER_CALL, "777", null));

        presenter.accept(Calls.ringEnded(CALL, OfferResult.ABANDONED));
        timer.elapse();
        assertThat(work).isEmpty();
        assertThat(background).isEmpty();

        presenter.accept(Calls.ringEnded(OTHER_CALL, OfferResult.ABANDONED));
        timer.elapse();
        runInBackground();
        assertThat(work).containsExactly("prepare", "collect");
    }

    @Test
    void aRingThatComesInTheWhileLeavesTheHeapAloneAndItsAnswerBuildsOnly() {
        presenter.accept(Calls.ring());
        presenter.accept(Calls.ringEnded(CALL, OfferResult.ABANDONED));

        presenter.accept(Calls.ring(OTHER_CALL, "777", null));
        timer.elapse();
        assertThat(work).isEmpty();
        presenter.accept(Calls.answered(OTHER_CALL, "777", RING_AT.plusSeconds(4)));
        timer.elapse();

        assertThat(work).containsExactly("prepare");
        assertThat(background).isEmpty();
    }

    @Test
    void aCallTalkedOnInAnotherCardDoesNotKeepTheHeapFromBeingCollected() {
        presenter.accept(Calls.ring());
        presenter.accept(Calls.answered(CALL, "777", RING_AT.plusSeconds(4)));
        presenter.accept(Calls.ring(OTHER_CALL, "777", null));

        presenter.accept(Calls.ringEnded(OTHER_CALL, OfferResult.ABANDONED));
        timer.elapse();
        runInBackground();

        assertThat(work).containsExactly("prepare", "collect");
    }

    @Test
    void aRestartBuildsTheNextCardAgainAWhileLater() {
        idle.restart();

        timer.elapse();

        assertThat(work).containsExactly("prepare");
    }

    @Test
    void closedBeforeItsWhilePassedNothingRuns() {
        presenter.accept(Calls.ring());
        presenter.accept(Calls.ringEnded(CALL, OfferResult.ABANDONED));

        idle.close();
        assertThat(timer.pending).as("stopped").isFalse();
        timer.task.run(); // a timer that had fired already

        assertThat(work).isEmpty();
        assertThat(background).as("the app quits: its background executor is shut down").isEmpty();
    }

    @Test
    void closedItFollowsTheCardsNoMore() {
        idle.close();
        int restarts = timer.restarts;

        presenter.accept(Calls.ring());
        presenter.accept(Calls.ringEnded(CALL, OfferResult.ABANDONED));
        idle.restart();

        assertThat(timer.restarts).isEqualTo(restarts);
        assertThat(timer.pending).isFalse();
    }

    private void runInBackground() {
        List<Runnable> due = List.copyOf(background);
        background.clear();
        due.forEach(Runnable::run);
    }

    /** The one timer, run by the test: {@link #elapse} is its while passing. */
    private static final class ManualTimer implements CardIdleWork.Timer {
        Runnable task;
        boolean pending;
        int restarts;

        CardIdleWork.Timer given(Runnable task) {
            this.task = task;
            return this;
        }

        @Override
        public void restart() {
            pending = true;
            restarts++;
        }

        @Override
        public void stop() {
            pending = false;
        }

        void elapse() {
            if (pending) {
                pending = false;
                task.run();
            }
        }
    }
}
