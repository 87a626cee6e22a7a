package dev.zvonok.server.directory;

import java.util.Locale;

/** Whose a number is: a user, a dealer, a company or a line of the PBX. */
public record NumberOwner(Kind kind, long id, String name) {

    public enum Kind {
        USER, DEALER, COMPANY, LINE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
