package dev.zvonok.server.calls;

/**
 * The database could not be reached (or is too busy): nothing was stored. The client may try again; the cards
 * do not retry on their own, since the client waits for the answer.
 */
public final class CardsUnavailableException extends RuntimeException {

    CardsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
