package dev.zvonok.server.calls;

import java.util.List;

/**
 * One page of a longer list, with the length of the whole list.
 *
 * @param next where the page after this one starts (keyset paging); null when this is the last
 */
public record Page<T>(List<T> items, long total, int offset, int limit, CallCursor next) {

    public Page {
        items = List.copyOf(items);
    }

    public Page(List<T> items, long total, int offset, int limit) {
        this(items, total, offset, limit, null);
    }

    public boolean hasMore() {
        return offset + items.size() < total;
    }
}
