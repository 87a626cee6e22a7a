package dev.zvonok.model.api;

import java.util.List;

/** {@code GET /api/calls}: one page of calls, newest first. */
public record CallPage(List<CallListItem> data, Pagination pagination) {

    public CallPage {
        data = List.copyOf(data);
    }
}
