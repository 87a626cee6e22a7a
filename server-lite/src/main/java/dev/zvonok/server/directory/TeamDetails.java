package dev.zvonok.server.directory;

/** What an admin enters for a team (its members are given separately). */
public record TeamDetails(String name, String comment) {

    public TeamDetails {
        name = Texts.required(name, "name", 100);
        comment = Texts.optional(comment, "comment", 2000);
    }
}
