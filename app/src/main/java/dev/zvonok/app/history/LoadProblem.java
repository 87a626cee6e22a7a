package dev.zvonok.app.history;

import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Why a list could not be loaded, as far as the operator can act on it. */
public enum LoadProblem {
    /** No answer: the network or the server is away; retrying later may help. */
    UNREACHABLE,
    /** The server answered with an error. */
    FAILED,
    /** The one call asked for is not there, or not the operator's: retrying will not help. */
    NOT_FOUND;

    static LoadProblem of(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof NoSuchCall) {
            return NOT_FOUND;
        }
        return cause instanceof IOException ? UNREACHABLE : FAILED;
    }
}
