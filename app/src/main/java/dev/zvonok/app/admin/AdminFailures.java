package dev.zvonok.app.admin;

import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** What to tell the admin when a request failed as a whole (not one field). */
final class AdminFailures {

    private AdminFailures() {
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    static Message describe(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof IOException) {
            return Message.of("admin.problem.unreachable");
        }
        if (cause instanceof AdminRefusal refusal) {
            if (refusal.forbidden()) {
                return Message.of("admin.problem.forbidden");
            }
            return Message.of("admin.problem.server", refusal.error().message());
        }
        return Message.of("admin.problem.failed", String.valueOf(cause.getMessage()));
    }
}
