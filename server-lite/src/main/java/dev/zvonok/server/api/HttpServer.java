package dev.zvonok.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zvonok.model.api.ApiError;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds server-lite's HTTP server: REST under {@code /api}, the WebSocket at {@code /ws}, {@code /health} and
 * {@code /metrics}, all on one port. Built unstarted from its parts, so that tests start it on a free port with real
 * collaborators.
 */
public final class HttpServer {

    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

    private HttpServer() {
    }

    /** {@code 404 Not Found} becomes {@code not-found}: the stable, kebab-case code of a status. */
    private static String codeOf(HttpStatus status) {
        return status.getMessage().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    }

    /** An unstarted server; {@code start(host, port)} it (port 0 = any free port). */
    public static Javalin create(ObjectMapper json, List<Routes> features) {
        return Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(json, false));
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = 1024 * 1024;
            // a hard cap: larger frames close the connection; below it, the WebSocket refuses what exceeds its own
            // limit with an error message and keeps the connection
            config.jetty.modifyWebSocketServletFactory(factory -> factory.setMaxTextMessageSize(1024 * 1024));
            features.forEach(feature -> feature.addTo(config.routes));
            config.routes.exception(ApiException.class, (e, ctx) ->
                    ctx.status(e.status()).json(new ApiError(e.code(), e.getMessage())));
            config.routes.exception(JsonProcessingException.class, (e, ctx) ->
                    ctx.status(HttpStatus.BAD_REQUEST).json(new ApiError("malformed-json", e.getOriginalMessage())));
            config.routes.exception(Exception.class, (e, ctx) -> {
                log.error("{} {} failed", ctx.method(), ctx.path(), e);
                ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).json(new ApiError("server-error", "internal error"));
            });
            // Javalin's own refusals (no such endpoint, wrong method, bad query values) answer in JSON too
            config.routes.exception(HttpResponseException.class, (e, ctx) -> {
                HttpStatus status = HttpStatus.forStatus(e.getStatus());
                ctx.status(status).json(new ApiError(codeOf(status), e.getMessage()));
            });
        });
    }
}
