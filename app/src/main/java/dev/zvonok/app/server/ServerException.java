package dev.zvonok.app.server;

import java.time.Duration;
import java.util.Optional;

/**
 * Why a call to the server failed, one type per thing the operator can be told (or the app can do) differently. The
 * login screen switches over them; the message is for the log, not for the operator (the UI has its own texts).
 *
 * <p>Checked on purpose: every caller decides what the operator sees.
 */
public abstract sealed class ServerException extends Exception {

    private ServerException(String message, Throwable cause) {
        super(message, cause);
    }

    /** 401 {@code bad-credentials}: wrong login or password (the server does not say which). */
    public static final class WrongCredentials extends ServerException {
        public WrongCredentials(String message) {
            super(message, null);
        }
    }

    /** 403 {@code account-disabled}: the account exists but may not log in; at login or at a refresh. */
    public static final class AccountDisabled extends ServerException {
        public AccountDisabled(String message) {
            super(message, null);
        }
    }

    /** 429 {@code too-many-attempts}: too many failed logins for this login or this computer. */
    public static final class TooManyAttempts extends ServerException {
        private final Duration retryAfter;

        public TooManyAttempts(String message, Duration retryAfter) {
            super(message, null);
            this.retryAfter = retryAfter;
        }

        /** How long to wait before trying again, when the server said ({@code Retry-After}). */
        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }
    }

    /**
     * The server could not be reached or did not answer in time: connection refused, unknown host, timeout, a
     * connection lost midway. Nothing is known about whether the request arrived.
     */
    public static final class Unreachable extends ServerException {
        public Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The server answered over TLS with a certificate this app does not believe: an authority neither the system nor
     * Settings' CA file trusts, an expired certificate, or one for another name than the address. Nothing was sent.
     */
    public static final class Untrusted extends ServerException {
        public Untrusted(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * What an I/O failure of one exchange means: {@link Untrusted} when the server's certificate was refused, else
     * {@link Unreachable}.
     */
    public static ServerException ofFailedExchange(String exchange, java.io.IOException failure) {
        String message = failure.getMessage();
        if ((message == null || message.isBlank()) && failure.getCause() != null) {
            message = failure.getCause().toString(); // the JDK's ConnectException often says nothing itself
        }
        String said = exchange + ": " + failure.getClass().getSimpleName() + (message == null ? "" : " " + message);
        return ServerTrust.isUntrusted(failure) ? new Untrusted(said, failure) : new Unreachable(said, failure);
    }

    /** 5xx, or an answer this app cannot read: the server failed; trying again later may help. */
    public static final class ServerError extends ServerException {
        private final int status;

        public ServerError(int status, String message, Throwable cause) {
            super(message, cause);
            this.status = status;
        }

        /** The HTTP status, or 0 when the answer could not be read at all. */
        public int status() {
            return status;
        }
    }

    /**
     * The refresh token was refused (401 {@code invalid-refresh-token}: unknown, expired, revoked or used twice), or
     * there is no session at all: the operator must log in again.
     */
    public static final class SessionExpired extends ServerException {
        public SessionExpired(String message) {
            super(message, null);
        }
    }

    /**
     * 401 {@code invalid-token} / {@code not-authenticated}: the access token was refused (expired, or signed with a
     * key the server no longer has). A refresh usually helps; {@link Sessions#call} does that by itself.
     */
    public static final class AccessTokenRejected extends ServerException {
        public AccessTokenRejected(String message) {
            super(message, null);
        }
    }

    /** Any other refusal (400 bad query, 403 forbidden, 404 not found...): the request itself was wrong. */
    public static final class Refused extends ServerException {
        private final int status;
        private final String code;

        public Refused(int status, String code, String message) {
            super(message, null);
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        /** The server's stable error code ({@code bad-request}, {@code forbidden}, {@code not-found}...). */
        public String code() {
            return code;
        }
    }
}
