package dev.zvonok.app.card;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.animation.PauseTransition;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * Collects the heap's garbage in full at a moment the operator waits for no card — a call's card has just come to its
 * end (hung up, rang out, answered elsewhere) and none rings — when the old generation has too little room left for
 * what a ring keeps, so that the next ring finds room and no full collection falls into its way to the screen.
 *
 * <p>Why: with the installer's flags (a 64 MB heap, the serial collector) some 33–39 MB stay live (the main window's
 * software back buffer, the card built ahead for the next call, the history), and each ring leaves a few MB more in
 * the old generation (the shown card's view and back buffer live for the whole ring, so they are promoted). The old
 * generation was full after about every other ring, and the serial collector then compacted the whole heap (60–130
 * ms on a quiet machine, more under load) wherever it happened to be; one that fell between a ring's frame and its
 * card on screen made the tail of the card's latency (docs/benchmarks.md, issue 10). Collected as a call ends, the
 * same work costs the operator next to nothing: the card only says the call is over, typing in another window waits
 * for the pause (~0.1 s; no key is lost), and an operator's rings are minutes apart.
 *
 * <p>Why as the call ends, not once its card has closed: collected at the close, the collection was still running
 * when the benchmark's next ring came in (0.3 s later, where an operator's come minutes later) and ended 8–20 ms
 * before that ring's frame, and those rings were drawn slower than with no collection at all (55 against 32 ms at
 * the median). The call's end comes seconds before its card closes ("Finish and close", the hint of a ring that
 * stopped), and collected there no ring met it.
 *
 * <p>A heap with room (a larger {@code -Xmx}) is left alone. The collection runs on a background thread, never the
 * FX thread; like any full collection of the serial collector it stops every thread for its duration, which is why
 * it waits for a moment without a ringing card.
 */
public final class IdleCollection implements AutoCloseable {

    /**
     * What one ring may leave in the old generation (the shown card's view and back buffer, the next card's view
     * built ahead, the history refreshed after the call), with some to spare: with less room left than this, the
     * next ring would likely meet a full collection.
     */
    static final long ROOM_FOR_A_RING = 16L * 1024 * 1024;
    /** Long enough for the card to be drawn saying its call is over. */
    static final javafx.util.Duration AFTER_THE_CALL_ENDED = javafx.util.Duration.millis(150);

    private final ObservableList<CardViewModel> cards;
    private final Consumer<Runnable> afterAWhile;
    private final Executor background;
    private final LongSupplier oldGenerationRoom;
    private final Runnable collect;
    private final ListChangeListener<CardViewModel> cardsChanged = this::cardsChanged;
    private final ChangeListener<CardPhase> phaseChanged = (property, was, now) -> phaseChanged(was, now);
    private boolean closed;

    /**
     * @param cards             the presenter's cards
     * @param afterAWhile       runs its task on the FX thread a short while later
     * @param background        where the collection runs: not the FX thread
     * @param oldGenerationRoom how many bytes the old generation can still take before it must be collected
     * @param collect           collects the heap in full
     */
    IdleCollection(ObservableList<CardViewModel> cards, Consumer<Runnable> afterAWhile, Executor background,
                   LongSupplier oldGenerationRoom, Runnable collect) {
        this.cards = Objects.requireNonNull(cards, "cards");
        this.afterAWhile = Objects.requireNonNull(afterAWhile, "afterAWhile");
        this.background = Objects.requireNonNull(background, "background");
        this.oldGenerationRoom = Objects.requireNonNull(oldGenerationRoom, "oldGenerationRoom");
        this.collect = Objects.requireNonNull(collect, "collect");
        cards.forEach(card -> card.phaseProperty().addListener(phaseChanged));
        cards.addListener(cardsChanged);
    }

    /** Follows {@code presenter}'s cards (on the FX thread) and collects on {@code background}. */
    public static IdleCollection following(CardsPresenter presenter, Executor background) {
        return new IdleCollection(presenter.cards(), IdleCollection::onFxThreadAfterAWhile, background,
                IdleCollection::oldGenerationRoom, System::gc);
    }

    /** Stops following the cards (the operator logs out, or the app quits). */
    @Override
    public void close() {
        closed = true; // a collection still waiting for its while: the background executor may be gone by then
        cards.removeListener(cardsChanged);
        cards.forEach(card -> card.phaseProperty().removeListener(phaseChanged));
    }

    private void cardsChanged(ListChangeListener.Change<? extends CardViewModel> change) {
        while (change.next()) {
            change.getRemoved().forEach(card -> card.phaseProperty().removeListener(phaseChanged));
            change.getAddedSubList().forEach(card -> card.phaseProperty().addListener(phaseChanged));
        }
    }

    /** Once per call, as it ends: not again as its card is finished, reopened or closed. */
    private void phaseChanged(CardPhase was, CardPhase now) {
        boolean callWasOn = was == CardPhase.RINGING || was == CardPhase.ACTIVE;
        boolean callIsOver = now == CardPhase.ENDED || now == CardPhase.CLOSING;
        if (callWasOn && callIsOver && noneRings()) {
            afterAWhile.accept(this::collectIfIdle);
        }
    }

    private void collectIfIdle() {
        if (!closed && noneRings()) {
            background.execute(() -> {
                // read off the FX thread: the memory beans are slow the first time they are loaded
                if (oldGenerationRoom.getAsLong() < ROOM_FOR_A_RING) {
                    collect.run();
                }
            });
        }
    }

    private boolean noneRings() {
        return cards.stream().noneMatch(card -> card.phase() == CardPhase.RINGING);
    }

    private static void onFxThreadAfterAWhile(Runnable task) {
        PauseTransition pause = new PauseTransition(AFTER_THE_CALL_ENDED);
        pause.setOnFinished(event -> task.run());
        pause.play();
    }

    /**
     * The room left in the heap's old generation (the serial collector's "Tenured Gen", or another collector's "Old
     * Gen"); as good as endless where there is none to be found, or it has no limit.
     */
    static long oldGenerationRoom() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            String name = pool.getName();
            if (pool.getType() == MemoryType.HEAP && (name.endsWith("Tenured Gen") || name.endsWith("Old Gen"))) {
                MemoryUsage usage = pool.getUsage();
                return usage.getMax() < 0 ? Long.MAX_VALUE : usage.getMax() - usage.getUsed();
            }
        }
        return Long.MAX_VALUE;
    }
}
