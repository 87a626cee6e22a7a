package dev.zvonok.app.card;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * Which card is open and which wait as compact rows: a busy hour leaves several cards waiting for "Finish and close",
 * and a pile of full cards, always on top, covers the very windows the operator works in. So at most one card is
 * expanded; the rest are rows of one panel.
 *
 * <p>The rule, re-applied whenever a card comes, goes or changes phase, or the operator's keyboard moves:
 * <ol>
 *   <li>A card the operator works in (typing in it) stays, and so does one that finished or shows its closing hint
 *       (nothing moves under the pointer): a new ring then waits as a row, marked ringing, for the operator to look.
 *   <li>Otherwise the newest ringing card opens (it must be seen), else the newest card being talked on.
 *   <li>Otherwise the open card stays open, or the one a ring took the place of opens again; a card restored at
 *       login does not open by itself.
 * </ol>
 * The operator opens any row with a click ({@link #choose}); it then counts as worked in until the keyboard goes
 * elsewhere.
 *
 * <p>Plain JavaFX properties, no scene: tested without a screen. FX thread only, like the presenter's cards.
 */
final class CardStack {

    private final ObservableList<CardViewModel> cards;
    private final Predicate<CardViewModel> operatorWorksIn;
    private final ReadOnlyObjectWrapper<CardViewModel> expanded = new ReadOnlyObjectWrapper<>(this, "expanded");
    private final ObservableList<CardViewModel> rows = FXCollections.observableArrayList();
    private final ObservableList<CardViewModel> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final InvalidationListener phaseChanged = observable -> update();
    private final Set<CardViewModel> followed = new HashSet<>();
    private final IntegerBinding waitingToFinish;
    /** The card the operator opened from its row, until they work elsewhere. */
    private CardViewModel chosen;
    /** The card a ring or a call took the place of: it opens again once they are gone. */
    private CardViewModel displaced;

    /**
     * @param cards           the presenter's cards, oldest first
     * @param operatorWorksIn whether the operator is typing in a card (its window has the keyboard)
     */
    CardStack(ObservableList<CardViewModel> cards, Predicate<CardViewModel> operatorWorksIn) {
        this.cards = Objects.requireNonNull(cards, "cards");
        this.operatorWorksIn = Objects.requireNonNull(operatorWorksIn, "operatorWorksIn");
        this.waitingToFinish = Bindings.createIntegerBinding(
                () -> (int) cards.stream().filter(card -> card.phase() == CardPhase.ENDED).count(), cards, rows);
        cards.addListener((ListChangeListener<CardViewModel>) change -> update());
        update();
    }

    /** The one card shown whole, or null. */
    ReadOnlyObjectProperty<CardViewModel> expandedProperty() {
        return expanded.getReadOnlyProperty();
    }

    CardViewModel expanded() {
        return expanded.get();
    }

    /** Every other card, as rows: the ringing first, then the others as they came. */
    ObservableList<CardViewModel> rows() {
        return rowsView;
    }

    /** Cards whose call is over and that wait for "Finish and close". */
    IntegerBinding waitingToFinish() {
        return waitingToFinish;
    }

    /** The operator opens {@code card} (a click on its row): it stays open until they work elsewhere. */
    void choose(CardViewModel card) {
        if (cards.contains(card)) {
            chosen = card;
            expanded.set(card);
            update();
        }
    }

    /** The operator's keyboard moved to another window: a card they chose but left no longer holds its place. */
    void keyboardMoved() {
        if (chosen != null && !operatorWorksIn.test(chosen)) {
            chosen = null;
        }
        update();
    }

    private void update() {
        followPhases();
        CardViewModel open = expanded.get();
        if (open != null && !cards.contains(open)) {
            open = null;
        }
        if (chosen != null && !cards.contains(chosen)) {
            chosen = null;
        }
        if (displaced != null && !cards.contains(displaced)) {
            displaced = null;
        }
        if (open == null || !staysOpen(open)) {
            CardViewModel wanted = newest(CardPhase.RINGING);
            if (wanted == null) {
                wanted = newest(CardPhase.ACTIVE);
            }
            if (wanted == null && open == null) {
                wanted = displaced; // back to the card a ring took the place of
            }
            if (wanted != null && wanted != open) {
                displaced = open != null && open.phase() != CardPhase.RINGING ? open : displaced;
                open = wanted;
            }
            if (open == displaced) {
                displaced = null;
            }
        }
        expanded.set(open);
        List<CardViewModel> others = new ArrayList<>(cards.size());
        CardViewModel shown = open;
        cards.stream().filter(card -> card != shown && card.phase() == CardPhase.RINGING).forEach(others::add);
        cards.stream().filter(card -> card != shown && card.phase() != CardPhase.RINGING).forEach(others::add);
        if (!others.equals(rows)) {
            rows.setAll(others);
        }
        waitingToFinish.invalidate();
    }

    private boolean staysOpen(CardViewModel open) {
        if (open == chosen) {
            return true;
        }
        return switch (open.phase()) {
            case FINISHED, CLOSING, RINGING -> true;
            case ACTIVE, ENDED -> operatorWorksIn.test(open) || newest(CardPhase.RINGING) == null
                    && (open.phase() == CardPhase.ACTIVE || newest(CardPhase.ACTIVE) == null);
        };
    }

    private CardViewModel newest(CardPhase phase) {
        for (CardViewModel card : cards.reversed()) {
            if (card.phase() == phase) {
                return card;
            }
        }
        return null;
    }

    private void followPhases() {
        for (CardViewModel card : cards) {
            if (followed.add(card)) {
                card.phaseProperty().addListener(phaseChanged);
            }
        }
        followed.removeIf(card -> {
            boolean gone = !cards.contains(card);
            if (gone) {
                card.phaseProperty().removeListener(phaseChanged);
            }
            return gone;
        });
    }
}
