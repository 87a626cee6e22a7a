package dev.zvonok.server.directory;

/**
 * A number as a batch writes it.
 *
 * @param number     as it was entered
 * @param normalized its comparable form ({@link dev.zvonok.model.phone.PhoneNumbers#normalize})
 * @param type       the kind of a user's number; null for the numbers of companies and dealers
 */
public record EnteredNumber(String number, String normalized, PhoneType type) {
}
