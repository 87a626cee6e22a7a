package dev.zvonok.app.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import dev.zvonok.model.ws.ClientMessage;
import dev.zvonok.model.ws.ServerMessage;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WebSocket text frames to and from messages. A frame the app cannot read (not JSON, a type it does not know yet,
 * a field of the wrong kind) is logged and skipped: one bad frame must not cost the operator the connection.
 */
final class ServerFrames {

    private static final Logger log = LoggerFactory.getLogger(ServerFrames.class);
    /** Enough of a bad frame to recognise it in the log, not a whole card's notes. */
    private static final int LOGGED_CHARS = 200;

    private final ObjectMapper json;

    ServerFrames(ObjectMapper json) {
        this.json = Objects.requireNonNull(json, "json");
    }

    Optional<ServerMessage> read(String frame) {
        try {
            ServerMessage message = json.readValue(frame, ServerMessage.class);
            if (message == null) {
                log.warn("Skipped a frame from the server that holds no message: {}", excerpt(frame));
            }
            return Optional.ofNullable(message);
        } catch (InvalidTypeIdException e) {
            if (e.getTypeId() == null) {
                log.warn("Skipped a frame from the server without a message type: {}", excerpt(frame));
            } else {
                // most likely a newer server with a message this app does not know yet: no cause for alarm
                log.info("Skipped a message of a type this app does not know: {}", e.getTypeId());
            }
        } catch (JsonProcessingException | RuntimeException e) {
            log.warn("Skipped a frame from the server that is not a readable message ({}): {}",
                    e.getClass().getSimpleName(), excerpt(frame));
        }
        return Optional.empty();
    }

    String write(ClientMessage message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write " + message.getClass().getSimpleName(), e);
        }
    }

    private static String excerpt(String frame) {
        if (frame == null) {
            return "null";
        }
        return frame.length() <= LOGGED_CHARS ? frame : frame.substring(0, LOGGED_CHARS) + "… (" + frame.length()
                + " chars)";
    }
}
