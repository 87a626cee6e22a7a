package dev.zvonok.app.login;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Why a login did not succeed, one kind for each message the operator reads. The app's REST client tells what the
 * server answered as a {@code ServerException}; the login screen's authenticator ({@code ServerAuthenticator}) maps
 * those onto these.
 */
public abstract sealed class LoginFailure extends Exception {

    private LoginFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Any failure of a login attempt as one of ours: a LoginFailure stays itself (also inside the wrappers a
     * {@code CompletableFuture} adds), an I/O error means the server could not be reached, anything else is an error.
     */
    public static LoginFailure of(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return switch (cause) {
            case LoginFailure known -> known;
            case IOException io -> new ServerUnreachable(io);
            default -> new ServerError(0, cause.toString());
        };
    }

    /** 401 {@code bad-credentials}: no such login, or the password is wrong (the server does not say which). */
    public static final class WrongCredentials extends LoginFailure {
        public WrongCredentials() {
            super("wrong login or password", null);
        }
    }

    /** 403 {@code account-disabled}: an administrator switched the account off. */
    public static final class AccountDisabled extends LoginFailure {
        public AccountDisabled() {
            super("the account is disabled", null);
        }
    }

    /** 429 {@code too-many-attempts}: too many failed logins for this login or from this computer. */
    public static final class TooManyAttempts extends LoginFailure {
        private final Duration retryAfter;

        /** @param retryAfter how long to wait before the server listens again; null when it did not say */
        public TooManyAttempts(Duration retryAfter) {
            super("too many failed logins", null);
            this.retryAfter = retryAfter;
        }

        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }
    }

    /** No answer: wrong address, server down, network away, or a timeout. */
    public static final class ServerUnreachable extends LoginFailure {
        public ServerUnreachable(Throwable cause) {
            super("the server cannot be reached", cause);
        }
    }

    /**
     * The server's certificate is not believed: its authority is not the system's nor the CA file's in Settings, it
     * expired, or it names another server than the address typed.
     */
    public static final class ServerNotTrusted extends LoginFailure {
        public ServerNotTrusted(Throwable cause) {
            super("the server's certificate is not trusted", cause);
        }
    }

    /** An answer that is no login's answer: a 5xx, or an address that is not a Zvonok server. */
    public static final class ServerError extends LoginFailure {
        private final int status;

        /** @param status the HTTP status, 0 when there was no answer to speak of */
        public ServerError(int status, String detail) {
            super("the server failed: " + status + (detail == null ? "" : " " + detail), null);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
