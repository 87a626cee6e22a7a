package dev.zvonok.server.callbacks;

import dev.zvonok.model.ws.ServerMessage;

/** Sends a message to every open app of one user over the WebSocket; returns at once. */
@FunctionalInterface
public interface UserMessages {

    void send(long userId, ServerMessage message);
}
