package dev.zvonok.model.admin;

/**
 * A number of a user, a dealer or a company.
 *
 * @param number     as it was entered, in any format
 * @param normalized what the server compares callers with (E.164, or an extension's digits); ignored in requests
 * @param type       a user's phones only: {@code extension}, {@code mobile} or {@code landline}; null otherwise
 * @param comment    a dealer's or a company's numbers only: e.g. which department answers it
 */
public record AdminPhone(String number, String normalized, String type, String comment) {

    /** A user's phone as a request names it. */
    public static AdminPhone ofUser(String number, String type) {
        return new AdminPhone(number, null, type, null);
    }

    /** A dealer's or a company's number as a request names it. */
    public static AdminPhone of(String number) {
        return new AdminPhone(number, null, null, null);
    }
}
