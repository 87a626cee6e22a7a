package dev.zvonok.model.call;

import java.util.Objects;

/**
 * Why a card's notes cannot be stored as they are: which field, and what is wrong with it, e.g. {@code notes} /
 * {@code at most 10000 characters, was 10001}. {@link CallNotesRules} finds it, on the server before it stores and in
 * the app before it keeps or sends, so that the server never refuses what the app accepted.
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
