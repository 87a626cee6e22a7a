package dev.zvonok.model.admin;

/** {@code POST /api/admin/users/{id}/password}: the user's new password, at least {@link AdminRules#MIN_PASSWORD_LENGTH}. */
public record PasswordRequest(String password) {
}
