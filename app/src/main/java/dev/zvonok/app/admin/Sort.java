package dev.zvonok.app.admin;

import dev.zvonok.model.admin.SortKey;

import java.util.Objects;

/** The order a list is asked for: {@code sort=<key>&order=asc|desc}. Absent (null) means the server's own order. */
public record Sort(SortKey key, boolean descending) {

    public Sort {
        Objects.requireNonNull(key, "key");
    }

    public static Sort ascending(SortKey key) {
        return new Sort(key, false);
    }

    /** The value of {@code order=}. */
    public String order() {
        return descending ? "desc" : "asc";
    }
}
