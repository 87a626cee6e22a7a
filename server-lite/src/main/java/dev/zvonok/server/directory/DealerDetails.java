package dev.zvonok.server.directory;

/** What an admin enters for a dealer. */
public record DealerDetails(String name, Long companyId, String city, String comment) {

    public DealerDetails {
        name = Texts.required(name, "name", 200);
        city = Texts.optional(city, "city", 100);
        comment = Texts.optional(comment, "comment", 2000);
    }
}
