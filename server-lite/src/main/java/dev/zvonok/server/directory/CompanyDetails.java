package dev.zvonok.server.directory;

/** What an admin enters for a company. */
public record CompanyDetails(String name, String inn, String city, String comment) {

    public CompanyDetails {
        name = Texts.required(name, "name", 200);
        inn = Texts.optional(inn, "inn", 20);
        city = Texts.optional(city, "city", 100);
        comment = Texts.optional(comment, "comment", 2000);
    }

    public static CompanyDetails named(String name) {
        return new CompanyDetails(name, null, null, null);
    }
}
