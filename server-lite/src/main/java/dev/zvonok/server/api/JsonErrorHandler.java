package dev.zvonok.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own refusals — a header too large (431), a request line or URI it cannot read (400), anything it answers
 * before Javalin sees the request — in the API's JSON error format instead of Jetty's HTML page, whatever the client
 * said it accepts: a client of this server reads JSON, and an HTML page with Jetty's version helps only an attacker.
 */
final class JsonErrorHandler extends ErrorHandler {

    private static final String JSON = "application/json";

    private final ObjectMapper json;

    JsonErrorHandler(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(ErrorBodies.json(json, code, message)), callback);
    }

    /** For requests too broken to reach any handler: the connection answers with this body and closes. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, JSON);
        return ByteBuffer.wrap(ErrorBodies.json(json, status, reason));
    }
}
