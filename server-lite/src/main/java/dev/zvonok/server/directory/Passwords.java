package dev.zvonok.server.directory;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.springframework.security.crypto.bcrypt.BCrypt;

/** Hashes and checks users' passwords with BCrypt. */
public final class Passwords {

    /** 2^10 rounds: about 50 ms per check on a server core, cheap for a login, expensive for a guesser. */
    public static final int DEFAULT_COST = 10;
    /** BCrypt reads no more than 72 bytes; a longer password would be silently cut. */
    private static final int MAX_BYTES = 72;

    private final int cost;

    public Passwords() {
        this(DEFAULT_COST);
    }

    /** @param cost log2 of BCrypt's rounds, 4 to 31; tests use 4 to stay fast */
    public Passwords(int cost) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("BCrypt cost must be 4..31");
        }
        this.cost = cost;
    }

    public String hash(String password) {
        Objects.requireNonNull(password, "password");
        if (password.isEmpty()) {
            throw new IllegalArgumentException("password must not be empty");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("password is longer than " + MAX_BYTES + " bytes");
        }
        return BCrypt.hashpw(password, BCrypt.gensalt(cost));
    }

    public boolean matches(String password, String hash) {
        if (password == null || hash == null || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return false;
        }
        try {
            return BCrypt.checkpw(password, hash);
        } catch (IllegalArgumentException e) {
            // not a BCrypt hash: nobody can log in with it
            return false;
        }
    }
}
