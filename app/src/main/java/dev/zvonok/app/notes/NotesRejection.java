package dev.zvonok.app.notes;

/**
 * The server refused to store a card's notes or to close it, for a reason sending again will not fix by itself.
 *
 * @param code    the server's error code: {@code invalid-field}, {@code unknown-call} (not this operator's call, or no
 *                longer known), ...
 * @param message the server's words, for the log and a details line
 */
public record NotesRejection(String code, String message) {
}
