package dev.zvonok.server.ami;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach Asterisk's manager interface, and how patiently.
 *
 * <p>The account needs {@code read = call,agent} and {@code write = originate,reporting} in manager.conf (click-to-call,
 * and the channel list after every reconnect); see {@link ManagerPermission}.
 *
 * @param reconnectInitialDelay first wait after a failed or lost connection; doubles on each failure
 * @param reconnectMaxDelay     the cap of that wait (a jitter of up to half of it is added against thundering herds)
 * @param pingAfterSilence      a link that has said nothing for this long is asked for a {@code Ping}: a link that
 *                              died without closing (NAT, cable, frozen host) is otherwise silent for minutes
 * @param pingTimeout           nothing at all heard within this after that Ping: the link is dead, dropped and
 *                              re-established. Together with {@code pingAfterSilence}, the longest a dead link
 *                              goes unnoticed
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
        Duration pingAfterSilence,
        Duration pingTimeout,
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
        requirePositive(pingAfterSilence, "pingAfterSilence");
        requirePositive(pingTimeout, "pingTimeout");
        requirePositive(resyncInterval, "resyncInterval");
    }

    public static final String TRACKED_EVENTS = "call,agent";

    /** Sensible timings for a PBX on the local network. */
    public static AmiSettings of(String host, int port, String username, String secret) {
        return new AmiSettings(host, port, username, secret, TRACKED_EVENTS, Duration.ofSeconds(5),
                Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofMillis(1500),
                Duration.ofMinutes(5));
    }

    public AmiSettings withReconnect(Duration initial, Duration max) {
        return new AmiSettings(host, port, username, secret, eventMask, responseTimeout, initial, max,
                pingAfterSilence, pingTimeout, resyncInterval);
    }

    public AmiSettings withLiveness(Duration newPingAfterSilence, Duration newPingTimeout) {
        return new AmiSettings(host, port, username, secret, eventMask, responseTimeout, reconnectInitialDelay,
                reconnectMaxDelay, newPingAfterSilence, newPingTimeout, resyncInterval);
    }

    public String address() {
        return host + ":" + port;
    }

    /** Without the secret: settings end up in logs. */
    @Override
    public String toString() {
        return "AmiSettings[" + username + "@" + address() + ", events " + eventMask + ", response timeout "
                + responseTimeout + ", reconnect " + reconnectInitialDelay + ".." + reconnectMaxDelay
                + ", ping after " + pingAfterSilence + " of silence, timeout " + pingTimeout + ", resync "
                + resyncInterval + "]";
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
