package dev.zvonok.server.ami;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach Asterisk's manager interface, and how patiently.
 *
 * <p>The account needs {@code read = call,agent} at least (manager.conf); {@code write = call,originate} lets the
 * server place click-to-call calls later.
 *
 * @param reconnectInitialDelay first wait after a failed or lost connection; doubles on each failure
 * @param reconnectMaxDelay     the cap of that wait (a jitter of up to half of it is added against thundering herds)
 * @param pingInterval          how often an idle connection is proven alive (a half-open TCP connection is silent)
 * @param resyncInterval        how often the channel list is re-read to heal events lost anywhere on the way
 * @param eventMask             the event classes asked for at login: {@code call,agent} is all tracking reads, and
 *                              spares Asterisk and us the dialplan, CDR, RTCP and security events (over half of
 *                              the stream, and most of asterisk-java's parsing)
 */
public record AmiSettings(
        String host,
        int port,
        String username,
        String secret,
        String eventMask,
        Duration responseTimeout,
        Duration reconnectInitialDelay,
        Duration reconnectMaxDelay,
        Duration pingInterval,
        Duration resyncInterval) {

    public AmiSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(eventMask, "eventMask");
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("AMI port out of range: " + port);
        }
        requirePositive(responseTimeout, "responseTimeout");
        requirePositive(reconnectInitialDelay, "reconnectInitialDelay");
        requirePositive(reconnectMaxDelay, "reconnectMaxDelay");
        requirePositive(pingInterval, "pingInterval");
        requirePositive(resyncInterval, "resyncInterval");
    }

    public static final String TRACKED_EVENTS = "call,agent";

    /** Sensible timings for a PBX on the local network. */
    public static AmiSettings of(String host, int port, String username, String secret) {
        return new AmiSettings(host, port, username, secret, TRACKED_EVENTS, Duration.ofSeconds(5),
                Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(15), Duration.ofMinutes(5));
    }

    public AmiSettings withReconnect(Duration initial, Duration max) {
        return new AmiSettings(host, port, username, secret, eventMask, responseTimeout, initial, max, pingInterval,
                resyncInterval);
    }

    public AmiSettings withPingInterval(Duration interval) {
        return new AmiSettings(host, port, username, secret, eventMask, responseTimeout, reconnectInitialDelay,
                reconnectMaxDelay, interval, resyncInterval);
    }

    public String address() {
        return host + ":" + port;
    }

    /** Without the secret: settings end up in logs. */
    @Override
    public String toString() {
        return "AmiSettings[" + username + "@" + address() + ", events " + eventMask + ", response timeout "
                + responseTimeout + ", reconnect " + reconnectInitialDelay + ".." + reconnectMaxDelay + ", ping "
                + pingInterval + ", resync " + resyncInterval + "]";
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
