package dev.zvonok.model.call;

/** What the operator noted about the client on the call card. Every field may be null. */
public record ClientInfo(String name, String company, String address, String comment) {

    public static final ClientInfo EMPTY = new ClientInfo(null, null, null, null);
}
