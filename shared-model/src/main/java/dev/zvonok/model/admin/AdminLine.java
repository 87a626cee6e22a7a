package dev.zvonok.model.admin;

/**
 * A way into the call centre: an incoming number (DID) or a queue of the PBX, with the name and the advertising
 * source the card and the statistics show.
 *
 * @param kind       {@code did} or {@code queue}
 * @param number     as it was entered
 * @param normalized what calls are matched by: a DID's E.164 form, a queue's name
 */
public record AdminLine(long id, String kind, String number, String normalized, String name, String source,
                        String city, String comment) {
}
