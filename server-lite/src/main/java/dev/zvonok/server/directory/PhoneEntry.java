package dev.zvonok.server.directory;

/**
 * A number of a company or a dealer.
 *
 * @param number     as it was entered
 * @param normalized its comparable form ({@link dev.zvonok.model.phone.PhoneNumbers#normalize})
 * @param comment    e.g. whose desk or which department answers it
 */
public record PhoneEntry(long id, String number, String normalized, String comment) {
}
