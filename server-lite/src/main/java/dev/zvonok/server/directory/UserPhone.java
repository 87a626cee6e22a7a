package dev.zvonok.server.directory;

/**
 * One of a user's numbers.
 *
 * @param number     as it was entered
 * @param normalized its comparable form ({@link dev.zvonok.model.phone.PhoneNumbers#normalize})
 */
public record UserPhone(long id, String number, String normalized, PhoneType type) {
}
