package dev.zvonok.server.api;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The address a request comes from, for login limits, logs and {@code /metrics}: the peer's, unless the peer is one
 * of our own reverse proxies ({@code zvonok.http.trusted-proxies}); then the client's as those proxies tell it in
 * {@code X-Forwarded-For}.
 *
 * <p>The header is read from the right, where our proxies appended what they saw, and the first address that is not
 * one of our proxies is the client: whatever a client writes into the header itself stays on the left, unread. A
 * peer we do not trust cannot choose its address at all — otherwise every guess could come "from" a fresh address
 * and pass every limit, or come "from" 127.0.0.1 and read the metrics.
 */
public final class ClientAddresses {

    public static final String FORWARDED_FOR = "X-Forwarded-For";

    private final List<AddressRange> trustedProxies;

    public ClientAddresses(List<AddressRange> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    /** No proxies: the peer is the client. */
    public static ClientAddresses direct() {
        return new ClientAddresses(List.of());
    }

    public InetAddress of(Context ctx) {
        return resolve(ctx.req().getRemoteAddr(), Collections.list(ctx.req().getHeaders(FORWARDED_FOR)));
    }

    /**
     * @param peer         the address of the TCP peer
     * @param forwardedFor every {@code X-Forwarded-For} header of the request, in order
     */
    InetAddress resolve(String peer, List<String> forwardedFor) {
        InetAddress current = AddressRange.literal(peer).orElseThrow(() ->
                new IllegalArgumentException("the peer is no IP address: " + peer));
        if (!trusted(current) || forwardedFor.isEmpty()) {
            return current;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            var hop = AddressRange.literal(withoutPort(hops.get(i)));
            if (hop.isEmpty()) {
                // our proxy passed on something that is no address: the last hop we can vouch for is the answer
                return current;
            }
            if (!trusted(hop.get())) {
                return hop.get();
            }
            current = hop.get();
        }
        return current;
    }

    private boolean trusted(InetAddress address) {
        return AddressRange.anyContains(trustedProxies, address);
    }

    /** Some proxies write {@code 203.0.113.7:51234} or {@code [2001:db8::1]:51234}. */
    private static String withoutPort(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end < 0 ? hop : hop.substring(0, end + 1);
        }
        int colon = hop.indexOf(':');
        return colon > 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
    }

    @Override
    public String toString() {
        return "ClientAddresses[trusted proxies " + trustedProxies + "]";
    }
}
