package dev.zvonok.model.api;

/** {@code POST /api/auth/login}. */
public record LoginRequest(String login, String password) {
}
