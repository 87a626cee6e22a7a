package dev.zvonok.app.admin;

import java.util.Locale;

/** What an import or export file holds: the server's {@code /api/admin/import/{kind}}. */
public enum BulkKind {
    USERS,
    COMPANIES,
    DEALERS,
    LINES;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
