package dev.zvonok.server.directory;

import java.util.Objects;

/** What an admin enters for a line. */
public record LineDetails(LineKind kind, String number, String name, String source, String city, String comment) {

    public LineDetails {
        Objects.requireNonNull(kind, "kind");
        number = Texts.required(number, "number", 80);
        name = Texts.required(name, "name", 200);
        source = Texts.optional(source, "source", 100);
        city = Texts.optional(city, "city", 100);
        comment = Texts.optional(comment, "comment", 2000);
    }
}
