package dev.zvonok.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zvonok.model.api.ApiError;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The API's error body, {@code {"code", "message"}}, for answers made outside Javalin's handlers. */
final class ErrorBodies {

    private ErrorBodies() {
    }

    /** {@code 404 Not Found} becomes {@code not-found}: the stable, kebab-case code of a status. */
    static String codeOf(int status) {
        HttpStatus known = HttpStatus.forStatus(status);
        String text = known == HttpStatus.UNKNOWN ? "error " + status : known.getMessage();
        return text.toLowerCase(Locale.ROOT).replace(' ', '-');
    }

    static byte[] json(ObjectMapper json, int status, String message) {
        String text = message == null || message.isBlank() ? HttpStatus.forStatus(status).getMessage() : message;
        try {
            return json.writeValueAsString(new ApiError(codeOf(status), text)).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an ApiError is always writable", e);
        }
    }
}
