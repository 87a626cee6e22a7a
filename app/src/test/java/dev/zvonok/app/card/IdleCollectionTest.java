package dev.zvonok.app.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Whether and where the heap is collected at an idle moment: on the background thread, when short of room. */
class IdleCollectionTest {

    /** What was handed to the background thread; run by the test. */
    private final List<Runnable> background = new ArrayList<>();
    private final AtomicInteger collections = new AtomicInteger();
    private long room = IdleCollection.ROOM_FOR_A_RING - 1;
    private final IdleCollection collection = new IdleCollection(background::add, () -> room,
            collections::incrementAndGet);

    @Test
    void anOldGenerationShortOfRoomForARingIsCollectedOnTheBackgroundThread() {
        collection.collectIfShortOfRoom();
        assertThat(collections).as("not on the FX thread").hasValue(0);

        runInBackground();

        assertThat(collections).hasValue(1);
    }

    @Test
    void anOldGenerationWithRoomForARingIsLeftAlone() {
        room = IdleCollection.ROOM_FOR_A_RING;

        collection.collectIfShortOfRoom();
        runInBackground();

        assertThat(collections).hasValue(0);
    }

    @Test
    void theOldGenerationsRoomIsReadFromTheRunningJvm() {
        assertThat(IdleCollection.oldGenerationRoom()).isPositive();
    }

    private void runInBackground() {
        List<Runnable> due = List.copyOf(background);
        background.clear();
        due.forEach(Runnable::run);
    }
}
