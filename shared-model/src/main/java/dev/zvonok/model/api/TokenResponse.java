package dev.zvonok.model.api;

import dev.zvonok.model.directory.UserView;
import dev.zvonok.model.phone.PhoneRules;

/**
 * Answer to login and refresh: a short-lived access token (for {@code Authorization: Bearer} and the WebSocket's
 * {@code authenticate}), a long-lived refresh token, who logged in, and how the server reads phone numbers.
 *
 * @param expiresIn seconds the access token stays valid
 * @param phones    the server's phone settings, for the app to show numbers and read typed ones by the server's rule;
 *                  null from servers older than this field (the app then assumes {@link PhoneRules#RUSSIA})
 */
public record TokenResponse(String accessToken, String refreshToken, long expiresIn, UserView user,
                            PhoneRules phones) {

    /** Tokens are secrets: never in logs. */
    @Override
    public String toString() {
        return "TokenResponse[accessToken=" + (accessToken == null ? "null" : "***") + ", refreshToken="
                + (refreshToken == null ? "null" : "***") + ", expiresIn=" + expiresIn + ", user=" + user
                + ", phones=" + phones + "]";
    }
}
