package dev.zvonok.model.api;

/** {@code POST /api/auth/refresh}: trades a refresh token for a new pair (the old refresh token is used up). */
public record RefreshRequest(String refreshToken) {

    /** Tokens are secrets: never in logs. */
    @Override
    public String toString() {
        return "RefreshRequest[refreshToken=" + (refreshToken == null ? "null" : "***") + "]";
    }
}
