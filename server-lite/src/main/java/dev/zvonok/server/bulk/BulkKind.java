package dev.zvonok.server.bulk;

import java.util.List;
import java.util.Locale;

/** What can be imported and exported, and its columns in the order an export writes them. */
public enum BulkKind {
    USERS(Column.LOGIN, List.of(Column.LOGIN, Column.NAME, Column.ROLE, Column.CITY, Column.TEAMS, Column.PHONES,
            Column.PASSWORD)),
    COMPANIES(Column.NAME, List.of(Column.NAME, Column.INN, Column.CITY, Column.COMMENT, Column.PHONES)),
    DEALERS(Column.NAME, List.of(Column.NAME, Column.COMPANY, Column.CITY, Column.COMMENT, Column.PHONES)),
    /** The kind (did or queue) is optional: a line without one is an incoming number. */
    LINES(Column.LINE_NUMBER, List.of(Column.LINE_NUMBER, Column.KIND, Column.NAME, Column.SOURCE, Column.CITY,
            Column.COMMENT));

    private final Column key;
    private final List<Column> columns;

    BulkKind(Column key, List<Column> columns) {
        this.key = key;
        this.columns = columns;
    }

    /** users, companies, dealers, lines: as in the URL and on the command line. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for another name */
    public static BulkKind named(String name) {
        for (BulkKind kind : values()) {
            if (kind.wireName().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("the kind is users, companies, dealers or lines, not '" + name + "'");
    }

    Column key() {
        return key;
    }

    List<Column> columns() {
        return columns;
    }
}
