package dev.zvonok.model.api;

/** {@code POST /api/auth/login}. */
public record LoginRequest(String login, String password) {

    /** Passwords are secrets: never in logs. */
    @Override
    public String toString() {
        return "LoginRequest[login=" + login + ", password=" + (password == null ? "null" : "***") + "]";
    }
}
