package dev.zvonok.app.live;

import dev.zvonok.model.ws.ServerMessage;

/**
 * Receives what the live connection has to tell, in order, on the connection's one delivery thread (never the FX
 * thread: a UI listener hops there itself). A listener must not block for long: the next event waits for it.
 */
public interface LiveListener {

    default void stateChanged(ConnectionState state) {
    }

    /** Every message the server sent, in the order it sent them; {@code authenticated} comes after {@code Connected}. */
    default void received(ServerMessage message) {
    }
}
