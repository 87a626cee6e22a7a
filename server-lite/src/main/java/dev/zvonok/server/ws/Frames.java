package dev.zvonok.server.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zvonok.model.ws.ServerMessage;
import java.io.UncheckedIOException;

/** Server messages as WebSocket text frames: written once, however many clients get them. */
final class Frames {

    private final ObjectMapper json;

    Frames(ObjectMapper json) {
        this.json = json;
    }

    String of(ServerMessage message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write " + message.getClass().getSimpleName(), e);
        }
    }

    void send(ClientSession session, ServerMessage message) {
        session.send(of(message));
    }
}
