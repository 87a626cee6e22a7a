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
 * that would not give the new order, the delta names every old key gone and every item anew, so applying it always
 * gives exactly the list the sender has.
 */
final class KeyedLists {

    private KeyedLists() {
    }

    record Delta<T, K>(List<T> upserted, List<K> gone) {

        boolean isEmpty() {
            return upserted.isEmpty() && gone.isEmpty();
        }
    }

    static <T, K> Delta<T, K> between(List<T> before, List<T> after, Function<T, K> key) {
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
            // the order moved: everything anew, which applying always gets right
            return new Delta<>(List.copyOf(after), List.copyOf(old.keySet()));
        }
        return new Delta<>(List.copyOf(upserted), List.copyOf(gone));
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
