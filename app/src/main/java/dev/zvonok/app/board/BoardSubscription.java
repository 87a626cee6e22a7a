package dev.zvonok.app.board;

/**
 * How the board asks the server for its frames; the integrator sends {@code subscribe-board} and
 * {@code unsubscribe-board} over the live connection. Any thread.
 */
public interface BoardSubscription {

    /** @return false when not connected: nothing was sent (the board asks again once connected) */
    boolean subscribe(String ref);

    void unsubscribe(String ref);
}
