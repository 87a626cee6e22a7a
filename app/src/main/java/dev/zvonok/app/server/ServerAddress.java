package dev.zvonok.app.server;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Where server-lite listens, e.g. {@code http://pbx-crm.local:3771}: REST under {@code /api}, the WebSocket at
 * {@code /ws} on the same port ({@code ws://} for {@code http://}, {@code wss://} for {@code https://}).
 */
public record ServerAddress(URI base) {

    public ServerAddress {
        Objects.requireNonNull(base, "base");
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("the server address must start with http:// or https://, was " + base);
        }
        if (base.getHost() == null) {
            throw new IllegalArgumentException("the server address has no host: " + base);
        }
        // the path, query and fragment of what was typed are not ours to keep: the API has fixed paths
        base = URI.create(scheme + "://" + base.getRawAuthority());
    }

    public static ServerAddress of(String address) {
        return new ServerAddress(URI.create(address.strip()));
    }

    /** {@code path} (starting with {@code /}) on this server. */
    public URI resolve(String path) {
        return URI.create(base + path);
    }

    /** The live connection's address. */
    public URI webSocket() {
        String scheme = base.getScheme().equals("https") ? "wss" : "ws";
        return URI.create(scheme + "://" + base.getRawAuthority() + "/ws");
    }

    @Override
    public String toString() {
        return base.toString();
    }
}
