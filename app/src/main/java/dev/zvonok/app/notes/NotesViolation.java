package dev.zvonok.app.notes;

import java.util.Objects;

/**
 * Why a draft cannot be saved as it is: which field, and what is wrong with it, e.g. {@code notes} / {@code at most
 * 10000 characters, was 10001}. The same rules as the server's, so that it never refuses what the app accepted.
 */
public record NotesViolation(String field, String problem) {

    public NotesViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(problem, "problem");
    }

    public String message() {
        return field + ": " + problem;
    }
}
