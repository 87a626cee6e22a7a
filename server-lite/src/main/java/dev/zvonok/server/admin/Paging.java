package dev.zvonok.server.admin;

import dev.zvonok.model.admin.AdminPage;
import dev.zvonok.model.admin.AdminRules;
import dev.zvonok.model.api.Pagination;
import dev.zvonok.server.directory.Found;
import java.util.function.Function;

/** {@code ?page=&limit=} of an administration list: pages from 1, {@value #DEFAULT_LIMIT} rows unless asked. */
record Paging(int page, int limit) {

    static final int DEFAULT_LIMIT = 50;

    static Paging of(QueryParams params) {
        int page = params.integer("page", 1, 1_000_000, 1);
        int limit = params.integer("limit", 1, AdminRules.MAX_PAGE_SIZE, DEFAULT_LIMIT);
        return new Paging(page, limit);
    }

    int offset() {
        return (page - 1) * limit;
    }

    <T, V> AdminPage<V> page(Found<T> found, Function<T, V> view) {
        int totalPages = (int) ((found.total() + limit - 1) / limit);
        return new AdminPage<>(found.items().stream().map(view).toList(),
                new Pagination(page, limit, found.total(), totalPages));
    }
}
