package dev.zvonok.server.directory;

/** Checks of entered text against the schema's limits, so that a bad form fails with a message, not an SQL error. */
final class Texts {

    private Texts() {
    }

    static String required(String value, String field, int maxLength) {
        String trimmed = optional(value, field, maxLength);
        if (trimmed == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return trimmed;
    }

    /** Trimmed, null when blank. */
    static String optional(String value, String field, int maxLength) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        if (trimmed.length() > maxLength) {
            throw new IllegalArgumentException(field + " is longer than " + maxLength + " characters");
        }
        return trimmed;
    }
}
