package dev.zvonok.server.directory;

/**
 * A line of the PBX with the name and the advertising source calls on it are shown and counted under.
 *
 * @param number     as entered: a DID in any format, or a queue's name
 * @param normalized what calls are matched by: the DID's comparable form, the queue's name
 * @param source     the advertising source or campaign code ("rk")
 */
public record Line(long id, LineKind kind, String number, String normalized, String name, String source, String city,
                   String comment) {
}
