package dev.zvonok.app.server;

import java.time.Duration;
import java.util.Objects;

/**
 * When {@link Sessions} refreshes the access token.
 *
 * @param ahead           refresh in the background this long before the token expires
 * @param minimumValidity a token with less than this left is refreshed before it is handed out
 * @param retryDelay      after a background refresh failed for a passing reason (server unreachable), try again after
 *                        this long
 * @param minimumDelay    never schedule background refreshes closer together than this (a server handing out very
 *                        short tokens must not make the app hammer it)
 */
public record RefreshPolicy(Duration ahead, Duration minimumValidity, Duration retryDelay, Duration minimumDelay) {

    public RefreshPolicy {
        Objects.requireNonNull(ahead, "ahead");
        Objects.requireNonNull(minimumValidity, "minimumValidity");
        Objects.requireNonNull(retryDelay, "retryDelay");
        Objects.requireNonNull(minimumDelay, "minimumDelay");
    }

    /** A minute ahead (of the server's 15-minute tokens), at least 15 s left when handed out, retries every 10 s. */
    public static RefreshPolicy defaults() {
        return new RefreshPolicy(Duration.ofMinutes(1), Duration.ofSeconds(15), Duration.ofSeconds(10),
                Duration.ofSeconds(1));
    }

    public RefreshPolicy withAhead(Duration newAhead) {
        return new RefreshPolicy(newAhead, minimumValidity, retryDelay, minimumDelay);
    }
}
