package dev.zvonok.app.stats;

/**
 * What became of the last "Give to…" of the call-back list.
 *
 * @param number  the number given (or taken back)
 * @param to      whom it was given to; null when taken back
 * @param problem why it failed; null when it did not
 */
public record AssignmentStatus(String number, Stage stage, String to, String problem) {

    public enum Stage {
        DONE, WITHDRAWN, FAILED
    }
}
