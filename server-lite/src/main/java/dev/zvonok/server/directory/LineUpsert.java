package dev.zvonok.server.directory;

import java.util.Objects;

/**
 * A line to create ({@code id} null) or to update: an update changes its name, source, city and comment, never what
 * calls are matched by (the kind and the number are the line's key in an import).
 *
 * @param normalized what calls are matched by ({@link LineRepository#normalize})
 */
public record LineUpsert(Long id, LineDetails details, String normalized) {

    public LineUpsert {
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(normalized, "normalized");
    }
}
