package dev.zvonok.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zvonok.model.api.ApiError;
import dev.zvonok.server.db.DatabaseErrors;
import dev.zvonok.server.tls.ServerIdentity;
import dev.zvonok.server.tls.TlsConnector;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.http.HttpException;
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

    /** An unstarted server speaking plain HTTP; {@code start(host, port)} it (port 0 = any free port). */
    public static Javalin create(ObjectMapper json, List<Routes> features) {
        return create(json, features, Optional.empty());
    }

    /**
     * An unstarted server; {@code start(host, port)} it (port 0 = any free port). With an identity, that port speaks
     * HTTPS and WSS only.
     */
    public static Javalin create(ObjectMapper json, List<Routes> features, Optional<ServerIdentity> tls) {
        return Javalin.create(config -> {
            // the connector is made when the server starts, after start(host, port) has set where
            tls.ifPresent(identity -> config.jetty.addConnector((server, http) ->
                    TlsConnector.create(server, http, identity, config.jetty.host, config.jetty.port)));
            config.jsonMapper(new JavalinJackson(json, false));
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = 1024 * 1024;
            // a known path asked with a method it does not take is 405 (with Allow), not "no such thing"
            config.http.prefer405over404 = true;
            // every answer Jetty makes itself (431, a URI it cannot read, ...) is JSON as well
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler(json)));
            // a hard cap: larger frames close the connection; below it, the WebSocket refuses what exceeds its own
            // limit with an error message and keeps the connection
            config.jetty.modifyWebSocketServletFactory(factory -> factory.setMaxTextMessageSize(1024 * 1024));
            features.forEach(feature -> feature.addTo(config.routes));
            config.routes.exception(ApiException.class, (e, ctx) ->
                    ctx.status(e.status()).json(new ApiError(e.code(), e.getMessage())));
            config.routes.exception(JsonProcessingException.class, (e, ctx) ->
                    ctx.status(HttpStatus.BAD_REQUEST).json(new ApiError("malformed-json", e.getOriginalMessage())));
            config.routes.exception(Exception.class, (e, ctx) -> {
                if (e instanceof HttpException refused) {
                    refusedByJetty(ctx, refused, json);
                    return;
                }
                if (DatabaseErrors.isUnavailable(e)) {
                    // the database is away: expected now and then, one line is enough (the health check says more)
                    log.warn("{} {}: the database is unavailable ({})", ctx.method(), ctx.path(), rootMessage(e));
                    ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(new ApiError("database-unavailable",
                            "the database cannot be reached; try again shortly"));
                    return;
                }
                log.error("{} {} failed", ctx.method(), ctx.path(), e);
                ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).json(new ApiError("server-error", "internal error"));
            });
            // Javalin's own refusals (no such endpoint, wrong method, bad query values) answer in JSON too
            config.routes.exception(HttpResponseException.class, (e, ctx) -> {
                String allowed = e.getDetails().get("availableMethods");
                if (e.getStatus() == HttpStatus.METHOD_NOT_ALLOWED.getCode() && allowed != null) {
                    ctx.header(Header.ALLOW, allowed);
                }
                ctx.status(e.getStatus()).json(new ApiError(ErrorBodies.codeOf(e.getStatus()), e.getMessage()));
            });
        });
    }

    /**
     * Jetty refusing what it cannot serve (a WebSocket upgrade without its headers): the client's fault, said in
     * JSON. Written to the response itself: Javalin writes no result for a WebSocket request.
     */
    private static void refusedByJetty(Context ctx, HttpException refused, ObjectMapper json) {
        String reason = refused.getReason() == null ? ((Exception) refused).getMessage() : refused.getReason();
        log.debug("{} {} refused by Jetty: {}", ctx.method(), ctx.path(), reason);
        try {
            ctx.res().setStatus(refused.getCode());
            ctx.res().setContentType("application/json");
            ctx.res().getOutputStream().write(ErrorBodies.json(json, refused.getCode(), reason));
        } catch (IOException | RuntimeException e) {
            log.debug("Could not tell {} {} why: {}", ctx.method(), ctx.path(), e.toString());
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
