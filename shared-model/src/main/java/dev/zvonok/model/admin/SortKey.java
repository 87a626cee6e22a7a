package dev.zvonok.model.admin;

import java.util.Arrays;
import java.util.List;

/**
 * Every column an administration list may be sorted by, and the list it belongs to: the one place both the server
 * (which refuses any other key with a 400) and the app (whose column headers ask for them) take the {@code sort=}
 * keys from. See {@link AdminSort} for the rest of the rule.
 */
public enum SortKey {
    USER_LOGIN(SortedList.USERS, "login"),
    USER_NAME(SortedList.USERS, "name"),
    USER_ROLE(SortedList.USERS, "role"),
    USER_CITY(SortedList.USERS, "city"),
    USER_ACTIVE(SortedList.USERS, "active"),
    DEALER_NAME(SortedList.DEALERS, "name"),
    DEALER_COMPANY(SortedList.DEALERS, "company"),
    DEALER_CITY(SortedList.DEALERS, "city"),
    COMPANY_NAME(SortedList.COMPANIES, "name"),
    COMPANY_INN(SortedList.COMPANIES, "inn"),
    COMPANY_CITY(SortedList.COMPANIES, "city"),
    LINE_NUMBER(SortedList.LINES, "number"),
    LINE_NAME(SortedList.LINES, "name"),
    LINE_SOURCE(SortedList.LINES, "source"),
    LINE_CITY(SortedList.LINES, "city"),
    TEAM_NAME(SortedList.TEAMS, "name");

    /** The administration's lists that sort. */
    public enum SortedList { USERS, DEALERS, COMPANIES, LINES, TEAMS }

    private final SortedList list;
    private final String wireName;

    SortKey(SortedList list, String wireName) {
        this.list = list;
        this.wireName = wireName;
    }

    /** The value of {@code sort=}. */
    public String wireName() {
        return wireName;
    }

    public SortedList list() {
        return list;
    }

    /** The {@code sort=} values {@code list} accepts, in column order. */
    public static List<String> keysOf(SortedList list) {
        return Arrays.stream(values()).filter(key -> key.list == list).map(SortKey::wireName).toList();
    }
}
