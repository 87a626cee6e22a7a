package dev.zvonok.model.board;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A list of keyed items (an operator's calls, a queue's members or waiting callers) sent as what changed: the items
 * added or changed, whole, and the keys gone. Applying puts a changed item where it was and a new one at the end; when
 * that would not give the new order, the delta either names every old key gone and every item anew ({@link #between})
 * or carries the new order as keys ({@link #betweenInOrder}), so applying it always gives exactly the list the sender
 * has.
 */
final class KeyedLists {

    private KeyedLists() {
    }

    /**
     * @param order every key of the new list in its order, when applying {@code upserted} and {@code gone} alone
     *              would not give it; else empty
     */
    record Delta<T, K>(List<T> upserted, List<K> gone, List<K> order) {

        Delta(List<T> upserted, List<K> gone) {
            this(upserted, gone, List.of());
        }

        boolean isEmpty() {
            return upserted.isEmpty() && gone.isEmpty() && order.isEmpty();
        }
    }

    /** The delta; when the order moved, every item anew. */
    static <T, K> Delta<T, K> between(List<T> before, List<T> after, Function<T, K> key) {
        Delta<T, K> delta = betweenInOrder(before, after, key);
        if (!delta.order().isEmpty()) {
            // the order moved: everything anew, which applying always gets right
            return new Delta<>(List.copyOf(after), List.copyOf(index(before, key).keySet()));
        }
        return delta;
    }

    /**
     * The delta; when the order moved (an item new anywhere but at the end of a sorted list), the new order as keys:
     * a queue of 300 members joined by one in the middle sends that member and 300 interfaces, not 300 members again.
     */
    static <T, K> Delta<T, K> betweenInOrder(List<T> before, List<T> after, Function<T, K> key) {
        if (before.equals(after)) {
            return new Delta<>(List.of(), List.of());
        }
        Map<K, T> old = index(before, key);
        Map<K, T> now = index(after, key);
        List<K> gone = new ArrayList<>();
        for (K k : old.keySet()) {
            if (!now.containsKey(k)) {
                gone.add(k);
            }
        }
        List<T> upserted = new ArrayList<>();
        for (T item : after) {
            if (!item.equals(old.get(key.apply(item)))) {
                upserted.add(item);
            }
        }
        if (!apply(before, upserted, gone, key).equals(after)) {
            return new Delta<>(List.copyOf(upserted), List.copyOf(gone), List.copyOf(now.keySet()));
        }
        return new Delta<>(List.copyOf(upserted), List.copyOf(gone));
    }

    /**
     * {@code items} in the given order of keys; an item the order does not name (a list that is not the sender's)
     * keeps its place after those it names, a key of no item is passed over.
     */
    static <T, K> List<T> inOrder(List<T> items, List<K> order, Function<T, K> key) {
        if (order.isEmpty()) {
            return items;
        }
        Map<K, T> left = index(items, key);
        List<T> ordered = new ArrayList<>(items.size());
        for (K k : order) {
            T item = left.remove(k);
            if (item != null) {
                ordered.add(item);
            }
        }
        ordered.addAll(left.values());
        return List.copyOf(ordered);
    }

    /** {@code before} with {@code gone} removed and then {@code upserted} put in (in place, or at the end when new). */
    static <T, K> List<T> apply(List<T> before, List<T> upserted, List<K> gone, Function<T, K> key) {
        if (upserted.isEmpty() && gone.isEmpty()) {
            return before;
        }
        Map<K, T> items = index(before, key);
        gone.forEach(items::remove);
        for (T item : upserted) {
            items.put(Objects.requireNonNull(key.apply(item), "key"), item);
        }
        return List.copyOf(items.values());
    }

    private static <T, K> Map<K, T> index(List<T> items, Function<T, K> key) {
        Map<K, T> index = new LinkedHashMap<>();
        for (T item : items) {
            index.put(key.apply(item), item);
        }
        return index;
    }
}
