package dev.zvonok.server.directory;

import java.util.List;

/** One page of a search, with how many matched in all. */
public record Found<T>(List<T> items, long total) {

    public Found {
        items = List.copyOf(items);
    }
}
