package dev.zvonok.model.api;

import java.util.List;

/**
 * {@code GET /api/calls}: one page of calls, newest first.
 *
 * @param next the {@link CallFilter#AFTER} cursor of the page after this one (keyset paging: stable while calls
 *             arrive, and as fast on the thousandth page as on the first); null on the last page
 */
public record CallPage(List<CallListItem> data, Pagination pagination, String next) {

    public CallPage {
        data = List.copyOf(data);
    }

    /** A page without a cursor to the next one. */
    public CallPage(List<CallListItem> data, Pagination pagination) {
        this(data, pagination, null);
    }
}
