package dev.zvonok.model.api;

import dev.zvonok.model.directory.UserView;

/**
 * Answer to login and refresh: a short-lived access token (for {@code Authorization: Bearer} and the WebSocket's
 * {@code authenticate}), a long-lived refresh token, and who logged in.
 *
 * @param expiresIn seconds the access token stays valid
 */
public record TokenResponse(String accessToken, String refreshToken, long expiresIn, UserView user) {

    /** Tokens are secrets: never in logs. */
    @Override
    public String toString() {
        return "TokenResponse[accessToken=" + (accessToken == null ? "null" : "***") + ", refreshToken="
                + (refreshToken == null ? "null" : "***") + ", expiresIn=" + expiresIn + ", user=" + user + "]";
    }
}
