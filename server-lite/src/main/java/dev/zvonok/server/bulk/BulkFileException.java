package dev.zvonok.server.bulk;

/** A file that cannot be imported at all: unreadable, not CSV or XLSX, no header, no key column. */
public final class BulkFileException extends IllegalArgumentException {

    public BulkFileException(String message) {
        super(message);
    }

    public BulkFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
