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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** When the heap is collected: a call's card came to its end, none rings, the old generation is short of room. */
class IdleCollectionTest {

    private static final long SHORT_OF_ROOM = IdleCollection.ROOM_FOR_A_RING - 1;

    private final MutableClock clock = new MutableClock(RING_AT.plusMillis(300), Calls.ZONE);
    private final CardsPresenter presenter =
            new CardsPresenter(new RecordingSync(), clock, new ManualTicks(), Languages.ENGLISH);
    /** The tasks waiting for their while to pass; run by the test. */
    private final List<Runnable> later = new ArrayList<>();
    /** What was handed to the background thread; run by the test. */
    private final List<Runnable> background = new ArrayList<>();
    private final AtomicInteger collections = new AtomicInteger();
    private long room = SHORT_OF_ROOM;
    private final IdleCollection idle = new IdleCollection(presenter.cards(), later::add, background::add,
            () -> room, collections::incrementAndGet);

    @Test
    void aRingThatStopsWithNoneRingingHasTheHeapCollectedAWhileLaterOnTheBackgroundThread() {
        presenter.accept(Calls.ring());
        assertThat(later).as("a ring is no moment to collect").isEmpty();

        presenter.accept(Calls.ringEnded(CALL, OfferResult.ABANDONED));
        assertThat(collections).as("not at once: the card is still being drawn").hasValue(0);
        runLater();
        assertThat(collections).as("not on the FX thread").hasValue(0);
        runInBackground();

        assertThat(collections).hasValue(1);
    }

    @Test
    void aCallThatIsHungUpHasTheHeapCollectedOnceAndNotAgainAsItsCardIsFinishedAndCloses() {
        presenter.accept(Calls.ring());
        presenter.accept(Calls.answered(CALL, "777", RING_AT.plusSeconds(4)));
        assertThat(later).as("a call in progress is no moment to collect").isEmpty();

        presenter.accept(Calls.endedAfterTalk(CALL, RING_AT.plusSeconds(4), Duration.ofSeconds(30)));
        runLater();
        runInBackground();
        presenter.cards().getFirst().finish();
        presenter.accept(Calls.finished(CALL));

        assertThat(later).isEmpty();
        assertThat(collections).hasValue(1);
    }

    @Test
    void aCallThatEndsWhileAnotherRingsLeavesTheHeapAlone() {
        presenter.accept(Calls.ring());
        presenter.accept(Calls.ring(OTHER_CALL, "777", null));

        presenter.accept(Calls.ringEnded(CALL, OfferResult.ABANDONED));

        assertThat(later).isEmpty();
        assertThat(background).isEmpty();
    }

    @Test
    void aRingThatComesInTheWhileLeavesTheHeapAlone() {
        presenter.accept(Calls.ring());
        presenter.accept(Calls.ringEnded(CALL, OfferResult.ABANDONED));

        presenter.accept(Calls.ring(OTHER_CALL, "777", null));
        runLater();

        assertThat(background).isEmpty();
    }

    @Test
    void aCallTalkedOnInAnotherCardDoesNotKeepTheHeapFromBeingCollected() {
        presenter.accept(Calls.ring());
        presenter.accept(Calls.answered(CALL, "777", RING_AT.plusSeconds(4)));
        presenter.accept(Calls.ring(OTHER_CALL, "777", null));

        presenter.accept(Calls.ringEnded(OTHER_CALL, OfferResult.ABANDONED));
        runLater();
        runInBackground();

        assertThat(collections).hasValue(1);
    }

    @Test
    void anOldGenerationWithRoomForARingIsLeftAlone() {
        room = IdleCollection.ROOM_FOR_A_RING;
        presenter.accept(Calls.ring());

        presenter.accept(Calls.ringEnded(CALL, OfferResult.ABANDONED));
        runLater();
        runInBackground();

        assertThat(collections).hasValue(0);
    }

    @Test
    void closedBeforeItsWhilePassedItCollectsNothing() {
        presenter.accept(Calls.ring());
        presenter.accept(Calls.ringEnded(CALL, OfferResult.ABANDONED));

        idle.close();
        runLater();

        assertThat(background).as("the app quits: its background executor is shut down").isEmpty();
    }

    @Test
    void closedItFollowsTheCardsNoMore() {
        presenter.accept(Calls.ring());
        idle.close();

        presenter.accept(Calls.ringEnded(CALL, OfferResult.ABANDONED));

        assertThat(later).isEmpty();
    }

    @Test
    void theOldGenerationsRoomIsReadFromTheRunningJvm() {
        assertThat(IdleCollection.oldGenerationRoom()).isPositive();
    }

    private void runLater() {
        List<Runnable> due = List.copyOf(later);
        later.clear();
        due.forEach(Runnable::run);
    }

    private void runInBackground() {
        List<Runnable> due = List.copyOf(background);
        background.clear();
        due.forEach(Runnable::run);
    }
}
