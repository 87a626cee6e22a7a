package dev.zvonok.server.ws;

import dev.zvonok.server.audit.Actor;
import dev.zvonok.server.auth.AuthenticatedUser;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's WebSocket. Frames go out one at a time, in the order they were sent, without ever blocking the
 * sender: a bounded queue holds what waits for the socket, and a client that lets it fill up is disconnected (it
 * will reconnect and restore its cards from {@code active-calls}) rather than hold memory or other clients back.
 */
final class ClientSession {

    private static final Logger log = LoggerFactory.getLogger(ClientSession.class);

    /** About a minute of a busy operator's traffic; a healthy client never gets near it. */
    static final int MAX_QUEUED_FRAMES = 1_000;

    private final String id;
    private final Session socket;
    private final String remote;
    private final Deque<String> queued = new ArrayDeque<>();
    private boolean writing;
    private volatile AuthenticatedUser user;
    /** The access token the session rests on, and when it expires; a secret, never logged. */
    private volatile String token;
    private volatile Instant expiresAt;
    private volatile boolean watchesAllCalls;

    ClientSession(String id, Session socket) {
        this.id = id;
        this.socket = socket;
        this.remote = String.valueOf(socket.getRemoteSocketAddress());
    }

    String id() {
        return id;
    }

    String remote() {
        return remote;
    }

    /** Null until the client has authenticated. */
    AuthenticatedUser user() {
        return user;
    }

    /** Authenticated, or authenticated again with a fresh token of the same user. */
    void authenticated(AuthenticatedUser authenticatedUser, String accessToken, Instant tokenExpiresAt) {
        this.token = accessToken;
        this.expiresAt = tokenExpiresAt;
        this.user = authenticatedUser;
    }

    /** The user as the directory has them now (renamed, another role). */
    void userIs(AuthenticatedUser current) {
        this.user = current;
    }

    /** Null until the client has authenticated. */
    String token() {
        return token;
    }

    /** When the session's token expires; null until the client has authenticated. */
    Instant expiresAt() {
        return expiresAt;
    }

    boolean watchesAllCalls() {
        return watchesAllCalls;
    }

    void watchAllCalls() {
        this.watchesAllCalls = true;
    }

    void stopWatchingAllCalls() {
        this.watchesAllCalls = false;
    }

    boolean isOpen() {
        return socket.isOpen();
    }

    /** Queues a text frame; returns at once. */
    void send(String text) {
        synchronized (this) {
            if (writing) {
                if (queued.size() >= MAX_QUEUED_FRAMES) {
                    queued.clear();
                    log.warn("WebSocket client {} ({}) does not keep up; disconnecting it", id, describe());
                    close(StatusCode.TRY_AGAIN_LATER, "too slow: reconnect");
                    return;
                }
                queued.add(text);
                return;
            }
            writing = true;
        }
        write(text);
    }

    private void write(String text) {
        socket.sendText(text, Callback.from(this::writeNext, this::failed));
    }

    private void writeNext() {
        String next;
        synchronized (this) {
            next = queued.poll();
            if (next == null) {
                writing = false;
                return;
            }
        }
        write(next);
    }

    private void failed(Throwable failure) {
        synchronized (this) {
            queued.clear();
            writing = false;
        }
        log.debug("WebSocket client {} write failed: {}", id, failure.toString());
    }

    void close(int status, String reason) {
        if (socket.isOpen()) {
            socket.close(status, reason, Callback.NOOP);
        }
    }

    /** Who is behind the socket, and from which address (without the port), as the audit log names them. */
    Actor actor() {
        String address = remote.startsWith("/") ? remote.substring(1) : remote;
        int port = address.lastIndexOf(':');
        if (port > 0 && address.indexOf(':') == port) {
            address = address.substring(0, port); // 127.0.0.1:51234; an IPv6 address keeps its colons
        }
        return new Actor(user.id(), user.login(), address);
    }

    String describe() {
        AuthenticatedUser who = user;
        return (who == null ? "not authenticated" : who.login()) + " from " + remote;
    }
}
