package dev.zvonok.app.admin;

/**
 * What the server may sort an administration list by: the one place the app keeps the {@code sort=} keys of
 * {@code /api/admin/{users,dealers,companies,lines,teams}}. A key the server does not know is a 400, so the columns
 * name one of these, never a string of their own.
 */
public enum SortKey {
    USER_LOGIN("login"),
    USER_NAME("name"),
    USER_ROLE("role"),
    USER_CITY("city"),
    USER_ACTIVE("active"),
    DEALER_NAME("name"),
    DEALER_COMPANY("company"),
    DEALER_CITY("city"),
    COMPANY_NAME("name"),
    COMPANY_INN("inn"),
    COMPANY_CITY("city"),
    LINE_NUMBER("number"),
    LINE_NAME("name"),
    LINE_SOURCE("source"),
    LINE_CITY("city"),
    TEAM_NAME("name");

    private final String wireName;

    SortKey(String wireName) {
        this.wireName = wireName;
    }

    /** The value of {@code sort=}. */
    public String wireName() {
        return wireName;
    }
}
