package dev.zvonok.server.auth;

import dev.zvonok.server.api.ApiException;
import io.javalin.http.HttpStatus;
import java.time.Duration;

/** 429 with the wait a client should honour ({@code Retry-After}), set by {@link AuthRoutes}. */
final class TooManyAttemptsException extends ApiException {

    private final Duration retryAfter;

    TooManyAttemptsException(Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts", "too many failed logins, try again later");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, rounded up, at least 1: what {@code Retry-After} carries. */
    long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    /** A wait in whole seconds, rounded up, at least 1. */
    static long seconds(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
