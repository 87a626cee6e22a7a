package dev.zvonok.app.admin;

import dev.zvonok.model.admin.AdminRules;

/**
 * What a list other than the users' asks the server for.
 *
 * @param text  what the list's search parameter holds; blank for everything
 * @param page  from 1
 * @param limit rows a page, at most {@link AdminRules#MAX_PAGE_SIZE}
 * @param sort  null for the server's own order
 */
public record ListQuery(String text, int page, int limit, Sort sort) {

    /** Rows a page of the lists on screen. */
    public static final int PAGE_SIZE = 50;

    /** Everything the server gives at once, in this order: the choices of a picker (a dealer's company). */
    public static ListQuery choices(Sort sort) {
        return new ListQuery("", 1, AdminRules.MAX_PAGE_SIZE, sort);
    }
}
