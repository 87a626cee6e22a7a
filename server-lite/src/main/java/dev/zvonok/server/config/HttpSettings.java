package dev.zvonok.server.config;

import dev.zvonok.server.api.AddressRange;
import dev.zvonok.server.api.ClientAddresses;
import dev.zvonok.server.tls.TlsSettings;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the HTTP/WebSocket server listens, the call centre's time zone (for days in history filters), and whom it
 * believes about a client's address.
 *
 * @param host           the address to listen on: {@code 0.0.0.0} every interface, {@code 127.0.0.1} this machine
 * @param port           0 = any free port
 * @param trustedProxies our reverse proxies: only requests from them have their {@code X-Forwarded-For} read
 * @param metricsFrom    clients that may read {@code /metrics} without an admin's token
 * @param tls            the certificate to serve HTTPS and WSS with; empty = plain HTTP (e.g. behind a TLS proxy)
 */
public record HttpSettings(String host, int port, ZoneId timeZone, List<AddressRange> trustedProxies,
                           List<AddressRange> metricsFrom, Optional<TlsSettings> tls) {

    /** This machine only, over IPv4 and IPv6. */
    public static final List<AddressRange> LOOPBACK =
            List.of(AddressRange.parse("127.0.0.1"), AddressRange.parse("::1"));

    public HttpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(timeZone, "timeZone");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("HTTP port out of range: " + port);
        }
        trustedProxies = List.copyOf(trustedProxies);
        metricsFrom = List.copyOf(metricsFrom);
        Objects.requireNonNull(tls, "tls");
    }

    /** No proxies in front, metrics for this machine. */
    public HttpSettings(String host, int port, ZoneId timeZone) {
        this(host, port, timeZone, List.of(), LOOPBACK, Optional.empty());
    }

    public HttpSettings withPort(int newPort) {
        return new HttpSettings(host, newPort, timeZone, trustedProxies, metricsFrom, tls);
    }

    public HttpSettings withHost(String newHost) {
        return new HttpSettings(newHost, port, timeZone, trustedProxies, metricsFrom, tls);
    }

    public HttpSettings withTrustedProxies(List<AddressRange> proxies) {
        return new HttpSettings(host, port, timeZone, proxies, metricsFrom, tls);
    }

    public HttpSettings withMetricsFrom(List<AddressRange> allowed) {
        return new HttpSettings(host, port, timeZone, trustedProxies, allowed, tls);
    }

    /** Serving HTTPS and WSS with this certificate. */
    public HttpSettings withTls(TlsSettings certificate) {
        return new HttpSettings(host, port, timeZone, trustedProxies, metricsFrom, Optional.of(certificate));
    }

    /** Who a request comes from, by these settings. */
    public ClientAddresses clientAddresses() {
        return new ClientAddresses(trustedProxies);
    }
}
