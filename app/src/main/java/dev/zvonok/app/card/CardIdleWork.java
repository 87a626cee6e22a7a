package dev.zvonok.app.card;

import java.util.Objects;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The cards' work for a moment the operator waits for no card: a while after the cards last changed (one came or
 * went, a call was answered or ended, the settings changed, the operator logged in), if none rings, first the window
 * of the {@linkplain CardsPresenter#nextCard() next card} is built ahead, then — once per call, after a call came to
 * its end — the heap is collected ({@link IdleCollection}). One timer, restarted by every change, so the two never
 * fall into a ringing card nor into each other.
 *
 * <p>Why this order and this moment: the next card's view (~5 MB) used to be built 400 ms after a card opened, while
 * it rang; with the installer's 64 MB heap that allocation made a young collection whose promotions overfilled the
 * old generation, and a full collection (60–130 ms, every thread stopped) fell about half a second into most rings
 * (docs/benchmarks.md, "The next card built once the call ended"). Built as the call ends, just before the idle
 * collection, the view is compacted into the old generation with everything else that lives, and the next ring
 * starts with all of the young generation free; collected first and built after, it would wait in the young
 * generation and be promoted during the next ring.
 *
 * <p>FX thread only; the collection itself runs where {@link IdleCollection} sends it.
 */
final class CardIdleWork implements AutoCloseable {

    /** Long enough for a card to be drawn saying what just changed (its call is over, answered, gone). */
    static final javafx.util.Duration AFTER_THE_CARDS_CHANGED = javafx.util.Duration.millis(150);

    /** A timer on the FX thread that runs its task once its while has passed since it was last (re)started. */
    interface Timer {

        void restart();

        void stop();
    }

    private final ObservableList<CardViewModel> cards;
    private final Timer timer;
    private final Runnable prepareNext;
    private final IdleCollection collection;
    private final ListChangeListener<CardViewModel> cardsChanged = this::cardsChanged;
    private final ChangeListener<CardPhase> phaseChanged = (property, was, now) -> phaseChanged(was, now);
    /** A call came to its end with no ring on: the heap is collected at the next idle moment. */
    private boolean callEnded;
    private boolean closed;

    /**
     * Follows {@code cards} (on the FX thread) and starts its while at once: the next card is built ahead soon after
     * the operator logged in.
     *
     * @param cards       the presenter's cards
     * @param timers      makes the one timer, given its task
     * @param prepareNext builds the next card's window ahead, unless it is built already
     * @param collection  collects the heap when it is short of room
     */
    CardIdleWork(ObservableList<CardViewModel> cards, Function<Runnable, Timer> timers, Runnable prepareNext,
                 IdleCollection collection) {
        this.cards = Objects.requireNonNull(cards, "cards");
        this.prepareNext = Objects.requireNonNull(prepareNext, "prepareNext");
        this.collection = Objects.requireNonNull(collection, "collection");
        this.timer = timers.apply(this::idle);
        cards.forEach(card -> card.phaseProperty().addListener(phaseChanged));
        cards.addListener(cardsChanged);
        timer.restart();
    }

    /** With the FX thread's own timer ({@link #AFTER_THE_CARDS_CHANGED}). */
    static CardIdleWork following(ObservableList<CardViewModel> cards, Runnable prepareNext,
                                  IdleCollection collection) {
        return new CardIdleWork(cards, CardIdleWork::pauseTransition, prepareNext, collection);
    }

    /** What the next card's window depends on changed (the theme, the language): it is built again a while later. */
    void restart() {
        if (!closed) {
            timer.restart();
        }
    }

    /** Stops following the cards; nothing runs any more (the operator logs out, or the app quits). */
    @Override
    public void close() {
        closed = true; // the background executor may be gone by the time a stopped timer's task would have run
        timer.stop();
        cards.removeListener(cardsChanged);
        cards.forEach(card -> card.phaseProperty().removeListener(phaseChanged));
    }

    private void cardsChanged(ListChangeListener.Change<? extends CardViewModel> change) {
        while (change.next()) {
            change.getRemoved().forEach(card -> card.phaseProperty().removeListener(phaseChanged));
            change.getAddedSubList().forEach(card -> card.phaseProperty().addListener(phaseChanged));
        }
        restart();
    }

    /** Once per call, as it ends: not again as its card is finished, reopened or closed. */
    private void phaseChanged(CardPhase was, CardPhase now) {
        boolean callWasOn = was == CardPhase.RINGING || was == CardPhase.ACTIVE;
        boolean callIsOver = now == CardPhase.ENDED || now == CardPhase.CLOSING;
        if (callWasOn && callIsOver && noneRings()) {
            callEnded = true;
        }
        restart();
    }

    private void idle() {
        if (closed) {
            return;
        }
        if (!noneRings()) {
            callEnded = false; // a ring came in the while: the heap waits for its call's end
            return;
        }
        prepareNext.run(); // first: the collection then compacts it with what lives (see above)
        if (callEnded) {
            callEnded = false;
            collection.collectIfShortOfRoom();
        }
    }

    private boolean noneRings() {
        return cards.stream().noneMatch(card -> card.phase() == CardPhase.RINGING);
    }

    private static Timer pauseTransition(Runnable task) {
        PauseTransition pause = new PauseTransition(AFTER_THE_CARDS_CHANGED);
        pause.setOnFinished(event -> task.run());
        return new Timer() {
            @Override
            public void restart() {
                pause.playFromStart();
            }

            @Override
            public void stop() {
                pause.stop();
            }
        };
    }
}
