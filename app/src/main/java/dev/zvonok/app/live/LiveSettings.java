package dev.zvonok.app.live;

import java.time.Duration;
import java.util.Objects;

/**
 * Timings of the live connection.
 *
 * @param firstRetry       the first wait after a loss (then doubling, with jitter)
 * @param maxRetry         the longest wait between two attempts
 * @param pingInterval     how often a connected link is checked with {@code ping}
 * @param pongTimeout      a {@code ping} without {@code pong} for this long means the link is dead
 * @param handshakeTimeout how long dialling (TCP and the WebSocket upgrade) may take
 * @param authTimeout      how long {@code authenticate} may wait for {@code authenticated}
 * @param maxMessageBytes  the largest message accepted from the server ({@code active-calls} with many long notes)
 * @param renewAhead       a fresh access token goes to the open socket this long before the one it rests on expires
 *                         (at most a third of the token's lifetime before): the server closes a socket whose token
 *                         expired
 */
public record LiveSettings(Duration firstRetry, Duration maxRetry, Duration pingInterval, Duration pongTimeout,
                           Duration handshakeTimeout, Duration authTimeout, int maxMessageBytes,
                           Duration renewAhead) {

    public LiveSettings {
        Objects.requireNonNull(firstRetry, "firstRetry");
        Objects.requireNonNull(maxRetry, "maxRetry");
        Objects.requireNonNull(pingInterval, "pingInterval");
        Objects.requireNonNull(pongTimeout, "pongTimeout");
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        Objects.requireNonNull(authTimeout, "authTimeout");
        Objects.requireNonNull(renewAhead, "renewAhead");
        if (maxMessageBytes < 64 * 1024) {
            throw new IllegalArgumentException("maxMessageBytes too small: " + maxMessageBytes);
        }
    }

    /**
     * 0.5 s doubling to 30 s; ping every 20 s, dead after 10 s without pong; 10 s to dial, 10 s to authenticate; the
     * session renewed 30 s before its token expires (the app's session has refreshed it a minute before, so that
     * costs no round trip of its own).
     */
    public static LiveSettings defaults() {
        return new LiveSettings(Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(20),
                Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10), 16 * 1024 * 1024,
                Duration.ofSeconds(30));
    }

    public LiveSettings withRetry(Duration first, Duration max) {
        return new LiveSettings(first, max, pingInterval, pongTimeout, handshakeTimeout, authTimeout,
                maxMessageBytes, renewAhead);
    }

    public LiveSettings withPing(Duration interval, Duration timeout) {
        return new LiveSettings(firstRetry, maxRetry, interval, timeout, handshakeTimeout, authTimeout,
                maxMessageBytes, renewAhead);
    }

    public LiveSettings withTimeouts(Duration handshake, Duration auth) {
        return new LiveSettings(firstRetry, maxRetry, pingInterval, pongTimeout, handshake, auth, maxMessageBytes,
                renewAhead);
    }

    public LiveSettings withRenewAhead(Duration ahead) {
        return new LiveSettings(firstRetry, maxRetry, pingInterval, pongTimeout, handshakeTimeout, authTimeout,
                maxMessageBytes, ahead);
    }
}
