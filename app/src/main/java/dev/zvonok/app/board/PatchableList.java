package dev.zvonok.app.board;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.collections.ModifiableObservableListBase;

/**
 * An observable list that takes a new content as one change touching only the places that differ: a pass that moves
 * or replaces a few rows of a 1,000-row table tells the table about those, in one change event, instead of replacing
 * them all (which makes the table rebuild every visible cell and drops its selection).
 */
final class PatchableList<E> extends ModifiableObservableListBase<E> {

    private final List<E> items = new ArrayList<>();

    /** Makes this list equal to {@code next}; elements equal in place stay, one change event for all the rest. */
    void patch(List<? extends E> next) {
        if (next.size() != items.size()) {
            setAll(next);
            return;
        }
        beginChange();
        try {
            for (int i = 0; i < next.size(); i++) {
                E now = next.get(i);
                if (!Objects.equals(items.get(i), now)) {
                    set(i, now);
                }
            }
        } finally {
            endChange();
        }
    }

    @Override
    public E get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }

    @Override
    protected void doAdd(int index, E element) {
        items.add(index, element);
    }

    @Override
    protected E doSet(int index, E element) {
        return items.set(index, element);
    }

    @Override
    protected E doRemove(int index) {
        return items.remove(index);
    }
}
