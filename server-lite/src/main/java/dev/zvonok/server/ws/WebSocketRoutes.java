package dev.zvonok.server.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import dev.zvonok.model.ws.ClientMessage;
import dev.zvonok.model.ws.ErrorCode;
import dev.zvonok.model.ws.ServerMessage;
import dev.zvonok.server.api.Routes;
import dev.zvonok.server.auth.TokenVerifier;
import dev.zvonok.server.auth.VerifiedToken;
import io.javalin.config.RoutesConfig;
import io.javalin.websocket.WsBinaryMessageContext;
import io.javalin.websocket.WsCloseContext;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsErrorContext;
import io.javalin.websocket.WsMessageContext;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket at {@code /ws}: one JSON message per frame. A client must send {@code authenticate} first, within
 * {@link #authTimeout}, or be closed with a policy violation; after that it receives its own calls and may save
 * notes, finish cards and place calls, for as long as its token holds ({@link SessionLifetimes}). A bad message gets
 * an {@code error} and leaves the connection open; only a bad or missing authentication, or an expired one, closes
 * it.
 */
public final class WebSocketRoutes implements Routes {

    private static final Logger log = LoggerFactory.getLogger(WebSocketRoutes.class);

    /** The largest message a client may send; the notes' 10,000 characters fit many times over. */
    public static final int MAX_MESSAGE_BYTES = 64 * 1024;

    private final TokenVerifier tokens;
    private final ClientSessions sessions;
    private final ClientRequests requests;
    private final SessionLifetimes lifetimes;
    private final ObjectMapper json;
    private final Frames frames;
    private final Duration authTimeout;
    private final ScheduledExecutorService timer;

    WebSocketRoutes(TokenVerifier tokens, ClientSessions sessions, ClientRequests requests, SessionLifetimes lifetimes,
                    ObjectMapper json, Duration authTimeout, ScheduledExecutorService timer) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.requests = requests;
        this.lifetimes = lifetimes;
        this.json = json;
        this.frames = new Frames(json);
        this.authTimeout = authTimeout;
        this.timer = timer;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.ws("/ws", ws -> {
            ws.onConnect(this::connected);
            ws.onMessage(this::received);
            ws.onBinaryMessage(this::receivedBinary);
            ws.onClose(this::closed);
            ws.onError(this::failed);
        });
    }

    private void connected(WsConnectContext ctx) {
        ClientSession session = new ClientSession(ctx.sessionId(), ctx.session);
        sessions.opened(session);
        // pings keep idle connections alive through NAT and proxies, and reveal dead ones
        ctx.enableAutomaticPings(15, TimeUnit.SECONDS);
        timer.schedule(() -> {
            if (session.user() == null && session.isOpen()) {
                log.info("WebSocket client from {} did not authenticate within {}; closing", session.remote(),
                        authTimeout);
                send(session, ServerMessage.Error.of(ErrorCode.NOT_AUTHENTICATED,
                        "authenticate first, within " + authTimeout.toSeconds() + " s", null));
                session.close(StatusCode.POLICY_VIOLATION, "authenticate first");
            }
        }, authTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void received(WsMessageContext ctx) {
        ClientSession session = sessions.get(ctx.sessionId());
        if (session == null) {
            return;
        }
        String text = ctx.message();
        // a character is at most 3 bytes of UTF-8: shorter texts need no counting
        if (text.length() > MAX_MESSAGE_BYTES / 3
                && text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_MESSAGE_BYTES) {
            send(session, ServerMessage.Error.of(ErrorCode.INVALID_FIELD,
                    "message larger than " + MAX_MESSAGE_BYTES + " bytes; nothing was stored", null));
            return;
        }
        Optional<ClientMessage> message = parse(session, text);
        if (message.isEmpty()) {
            return;
        }
        if (session.user() == null) {
            authenticate(session, message.get());
            return;
        }
        requests.handle(session, message.get());
    }

    /** The protocol is JSON text: a binary frame is answered like any other malformed message, not by a close. */
    private void receivedBinary(WsBinaryMessageContext ctx) {
        ClientSession session = sessions.get(ctx.sessionId());
        if (session != null) {
            send(session, ServerMessage.Error.of(ErrorCode.MALFORMED_MESSAGE,
                    "binary frames are not understood: send JSON text", null));
        }
    }

    private Optional<ClientMessage> parse(ClientSession session, String text) {
        try {
            return Optional.of(json.readValue(text, ClientMessage.class));
        } catch (InvalidTypeIdException e) {
            send(session, ServerMessage.Error.of(ErrorCode.MALFORMED_MESSAGE,
                    e.getTypeId() == null ? "a message needs a \"type\"" : "unknown message type: " + e.getTypeId(),
                    null));
        } catch (JsonProcessingException e) {
            send(session, ServerMessage.Error.of(ErrorCode.MALFORMED_MESSAGE,
                    "not a valid message: " + e.getOriginalMessage(), null));
        }
        return Optional.empty();
    }

    private void authenticate(ClientSession session, ClientMessage message) {
        if (!(message instanceof ClientMessage.Authenticate authenticate)) {
            refuse(session, "the first message must be authenticate", message.ref());
            return;
        }
        Optional<VerifiedToken> verified;
        try {
            verified = authenticate.token() == null ? Optional.empty() : tokens.check(authenticate.token());
        } catch (RuntimeException e) {
            log.warn("Cannot check the token of WebSocket client from {} now: {}", session.remote(), e.toString());
            send(session, ServerMessage.Error.of(ErrorCode.SERVER_ERROR,
                    "the server cannot check tokens now; connect again shortly", authenticate.ref()));
            session.close(StatusCode.TRY_AGAIN_LATER, "try again later");
            return;
        }
        if (verified.isEmpty()) {
            log.warn("WebSocket client from {} gave a bad or expired token", session.remote());
            refuse(session, "bad or expired token", authenticate.ref());
            return;
        }
        session.authenticated(verified.get().user(), authenticate.token(), verified.get().expiresAt());
        lifetimes.began(session);
        requests.attach(session, authenticate.ref());
    }

    private void refuse(ClientSession session, String why, String ref) {
        send(session, ServerMessage.Error.of(ErrorCode.NOT_AUTHENTICATED, why, ref));
        session.close(StatusCode.POLICY_VIOLATION, why);
    }

    private void closed(WsCloseContext ctx) {
        ClientSession session = sessions.get(ctx.sessionId());
        if (session != null) {
            sessions.closed(session);
            lifetimes.ended(session);
            if (session.user() != null) {
                requests.detach(session, sessions.ofUser(session.user().id()).isEmpty());
            }
            log.debug("WebSocket client {} closed: {} {}", session.describe(), ctx.status(), ctx.reason());
        }
    }

    private void failed(WsErrorContext ctx) {
        ClientSession session = sessions.get(ctx.sessionId());
        log.debug("WebSocket client {} failed: {}", session == null ? ctx.sessionId() : session.describe(),
                String.valueOf(ctx.error()));
    }

    private void send(ClientSession session, ServerMessage message) {
        frames.send(session, message);
    }
}
