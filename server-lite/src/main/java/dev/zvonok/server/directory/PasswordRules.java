package dev.zvonok.server.directory;

import java.nio.charset.StandardCharsets;

/** What a new password must be, wherever it is set: the command line, an import, the admin API. */
public final class PasswordRules {

    public static final int MIN_LENGTH = 8;
    /** BCrypt reads no more than 72 bytes; a longer password would be silently cut. */
    public static final int MAX_BYTES = 72;

    private PasswordRules() {
    }

    /** @return what is wrong with this password as a new one, or null when it will do */
    public static String problem(String password) {
        if (password == null || password.isEmpty()) {
            return "a password is required";
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return "the password must be at least " + MIN_LENGTH + " characters long";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "the password must be at most " + MAX_BYTES + " bytes long (BCrypt reads no more)";
        }
        return null;
    }

    /** @throws IllegalArgumentException with {@link #problem}'s message */
    public static String require(String password) {
        String problem = problem(password);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return password;
    }
}
