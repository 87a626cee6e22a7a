package dev.zvonok.app.admin;

import java.util.Locale;

/** The file formats of an export. */
public enum BulkFormat {
    CSV,
    XLSX;

    /** Also the file name's extension. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
