package dev.zvonok.model.admin;

import java.util.List;

/**
 * How the administration's lists may be ordered: {@code ?sort=KEY&order=asc|desc} on {@code /api/admin/users},
 * {@code dealers}, {@code companies}, {@code lines} and {@code teams}. Without {@code sort} a list is ordered by its
 * {@link #DEFAULT_KEY}; without {@code order}, ascending. Text is compared ignoring case, rows without a value come
 * last either way, and rows that compare equal keep the order they were created in, so pages never overlap. Any
 * other key or order is a 400 whose field is {@code sort} or {@code order}.
 */
public final class AdminSort {

    public static final String SORT_PARAM = "sort";
    public static final String ORDER_PARAM = "order";
    public static final String ASC = "asc";
    public static final String DESC = "desc";

    /** Every list has a name, and is ordered by it unless asked otherwise. */
    public static final String DEFAULT_KEY = "name";

    public static final List<String> USERS = SortKey.keysOf(SortKey.SortedList.USERS);
    public static final List<String> DEALERS = SortKey.keysOf(SortKey.SortedList.DEALERS);
    public static final List<String> COMPANIES = SortKey.keysOf(SortKey.SortedList.COMPANIES);
    public static final List<String> LINES = SortKey.keysOf(SortKey.SortedList.LINES);
    public static final List<String> TEAMS = SortKey.keysOf(SortKey.SortedList.TEAMS);

    private AdminSort() {
    }
}
