package dev.zvonok.server.config;

import dev.zvonok.server.api.AddressRange;
import dev.zvonok.server.api.ClientAddresses;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Where the HTTP/WebSocket server listens, the call centre's time zone (for days in history filters), and whom it
 * believes about a client's address.
 *
 * @param port           0 = any free port
 * @param trustedProxies our reverse proxies: only requests from them have their {@code X-Forwarded-For} read
 */
public record HttpSettings(String host, int port, ZoneId timeZone, List<AddressRange> trustedProxies) {

    public HttpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(timeZone, "timeZone");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("HTTP port out of range: " + port);
        }
        trustedProxies = List.copyOf(trustedProxies);
    }

    /** No proxies in front. */
    public HttpSettings(String host, int port, ZoneId timeZone) {
        this(host, port, timeZone, List.of());
    }

    public HttpSettings withPort(int newPort) {
        return new HttpSettings(host, newPort, timeZone, trustedProxies);
    }

    public HttpSettings withTrustedProxies(List<AddressRange> proxies) {
        return new HttpSettings(host, port, timeZone, proxies);
    }

    /** Who a request comes from, by these settings. */
    public ClientAddresses clientAddresses() {
        return new ClientAddresses(trustedProxies);
    }
}
