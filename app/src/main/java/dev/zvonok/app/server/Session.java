package dev.zvonok.app.server;

import dev.zvonok.model.api.TokenResponse;
import dev.zvonok.model.directory.UserView;
import dev.zvonok.model.phone.PhoneRules;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A logged-in operator: the short-lived access token (for REST and the WebSocket's {@code authenticate}), when it
 * expires, the refresh token that gets the next one, who logged in, and how the server reads phone numbers.
 *
 * @param phones the server's phone rules; {@link PhoneRules#RUSSIA} when a server too old to say did not
 */
public record Session(ServerAddress server, String accessToken, Instant accessTokenExpiresAt, String refreshToken,
                      UserView user, PhoneRules phones) {

    public Session {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(accessTokenExpiresAt, "accessTokenExpiresAt");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(user, "user");
        phones = phones == null ? PhoneRules.RUSSIA : phones;
    }

    /** @param receivedAt when the answer came: the lifetime counts from then (a little early, which is safe) */
    static Session of(ServerAddress server, TokenResponse tokens, Instant receivedAt) {
        return new Session(server, tokens.accessToken(), receivedAt.plusSeconds(tokens.expiresIn()),
                tokens.refreshToken(), tokens.user(), tokens.phones());
    }

    /** Whether the access token has less than {@code margin} left at {@code now}. */
    public boolean expiresWithin(Duration margin, Instant now) {
        return !now.plus(margin).isBefore(accessTokenExpiresAt);
    }

    /** Tokens are secrets: never in logs. */
    @Override
    public String toString() {
        return "Session[" + user.login() + "@" + server + ", access token until " + accessTokenExpiresAt + "]";
    }
}
