package dev.zvonok.model.call;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** What the operator noted about the client on the call card. Every field may be null. */
public record ClientInfo(String name, String company, String address, String comment) {

    public static final ClientInfo EMPTY = new ClientInfo(null, null, null, null);

    /** No field holds any text. */
    @JsonIgnore
    public boolean isEmpty() {
        return blank(name) && blank(company) && blank(address) && blank(comment);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
