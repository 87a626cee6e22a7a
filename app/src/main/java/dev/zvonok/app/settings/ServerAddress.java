package dev.zvonok.app.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The server's address as an operator types it: {@code pbx-crm.local:3771} is as good as
 * {@code http://pbx-crm.local:3771/}. Shared by the login screen and Settings, so both accept the same addresses.
 */
public final class ServerAddress {

    private ServerAddress() {
    }

    /** The address as a base URI ({@code http[s]://host[:port]}, no path), or empty when it cannot be one. */
    public static Optional<URI> parse(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String text = typed.strip();
        if (!text.contains("://")) {
            text = "http://" + text; // what people copy from a colleague's screen rarely has the scheme
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            if (!path.isEmpty() && !path.equals("/")) {
                return Optional.empty(); // the API lives at the root: a path is a typo, not a choice
            }
            return Optional.of(new URI(scheme, null, uri.getHost(), uri.getPort(), null, null, null));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** How an address is shown in a text field: without a trailing slash. */
    public static String display(URI address) {
        return address == null ? "" : address.toString();
    }
}
