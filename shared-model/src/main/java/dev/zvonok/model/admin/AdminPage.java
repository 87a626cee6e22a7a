package dev.zvonok.model.admin;

import dev.zvonok.model.api.Pagination;
import java.util.List;

/** One page of an administration list ({@code ?page=&limit=}, pages from 1). */
public record AdminPage<T>(List<T> data, Pagination pagination) {

    public AdminPage {
        data = List.copyOf(data);
    }
}
