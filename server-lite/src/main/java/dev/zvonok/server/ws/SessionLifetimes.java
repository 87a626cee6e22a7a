package dev.zvonok.server.ws;

import dev.zvonok.model.ws.ErrorCode;
import dev.zvonok.model.ws.ServerMessage;
import dev.zvonok.server.auth.AuthenticatedUser;
import dev.zvonok.server.auth.TokenVerifier;
import dev.zvonok.server.auth.VerifiedToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A WebSocket lives only as long as a valid token. A token cannot be taken back, so a socket opened with one must
 * not outlive it: when it expires the socket is closed (1008) unless the client presented a fresh one of the same
 * user first ({@code refresh-session}); and when the directory changes, every open socket's token is checked again,
 * so a disabled or deleted user's sockets close at once, and one demoted stops watching every call.
 */
final class SessionLifetimes {

    private static final Logger log = LoggerFactory.getLogger(SessionLifetimes.class);

    /** What came of a {@code refresh-session}. */
    sealed interface Renewal {
    }

    /** The session now rests on the fresh token. */
    record Renewed(AuthenticatedUser user, Instant expiresAt) implements Renewal {
    }

    /** The token was not taken; the session goes on as it was, until its current token expires. */
    record Refused(ErrorCode code, String why) implements Renewal {
    }

    private final TokenVerifier tokens;
    private final ClientSessions sessions;
    private final Frames frames;
    private final ScheduledExecutorService timer;
    private final Clock clock;
    private final Map<String, ScheduledFuture<?>> expiries = new ConcurrentHashMap<>();
    private final AtomicBoolean recheckQueued = new AtomicBoolean();

    SessionLifetimes(TokenVerifier tokens, ClientSessions sessions, Frames frames, ScheduledExecutorService timer,
                     Clock clock) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.frames = frames;
        this.timer = timer;
        this.clock = clock;
    }

    /** The session just authenticated: it lives until its token expires. */
    void began(ClientSession session) {
        scheduleExpiry(session);
    }

    /** A fresh token for the session: of its own user, valid, it moves the session's end to the token's expiry. */
    Renewal renew(ClientSession session, String token) {
        Optional<VerifiedToken> fresh;
        try {
            fresh = token == null ? Optional.empty() : tokens.check(token);
        } catch (RuntimeException e) {
            log.warn("Cannot check the fresh token of WebSocket client {} now: {}", session.describe(), e.toString());
            return new Refused(ErrorCode.SERVER_ERROR, "the token cannot be checked now; send it again");
        }
        if (fresh.isEmpty()) {
            return new Refused(ErrorCode.NOT_AUTHENTICATED,
                    "bad or expired token; this connection still ends at " + session.expiresAt());
        }
        AuthenticatedUser user = fresh.get().user();
        if (user.id() != session.user().id()) {
            log.warn("WebSocket client {} presented a token of {}; refused", session.describe(), user.login());
            return new Refused(ErrorCode.FORBIDDEN, "the token is another user's");
        }
        synchronized (session) {
            session.authenticated(user, token, fresh.get().expiresAt());
        }
        keepWatchingOnlyIfAllowed(session);
        scheduleExpiry(session);
        log.debug("WebSocket client {} renewed its session until {}", session.describe(), fresh.get().expiresAt());
        return new Renewed(user, fresh.get().expiresAt());
    }

    /** The socket closed. */
    void ended(ClientSession session) {
        ScheduledFuture<?> expiry = expiries.remove(session.id());
        if (expiry != null) {
            expiry.cancel(false);
        }
    }

    /**
     * The directory changed (a user disabled, deleted, given another role, or anything else): every open session is
     * checked again, off the caller's thread; changes that come while a check is waiting share it.
     */
    void directoryChanged() {
        if (recheckQueued.compareAndSet(false, true)) {
            Thread.ofVirtual().name("ws-recheck").start(this::recheckAll);
        }
    }

    private void recheckAll() {
        recheckQueued.set(false);
        for (ClientSession session : sessions.all()) {
            if (session.user() == null || !session.isOpen()) {
                continue;
            }
            if (!recheck(session)) {
                return; // the database is away: the change reported when it is back brings the next check
            }
        }
    }

    /** @return false when the session could not be checked now */
    private boolean recheck(ClientSession session) {
        Optional<VerifiedToken> now;
        try {
            now = tokens.check(session.token());
        } catch (RuntimeException e) {
            log.debug("Cannot check WebSocket client {} again now: {}", session.describe(), e.toString());
            return false;
        }
        if (now.isPresent()) {
            session.userIs(now.get().user());
            keepWatchingOnlyIfAllowed(session);
            return true;
        }
        synchronized (session) {
            if (expired(session)) {
                expire(session);
            } else {
                log.info("WebSocket client {}: the account was disabled or removed; closing", session.describe());
                close(session, "this account was disabled", "account disabled");
            }
        }
        return true;
    }

    private void keepWatchingOnlyIfAllowed(ClientSession session) {
        if (session.watchesAllCalls() && !session.user().seesAllCalls()) {
            log.info("WebSocket client {} may no longer watch all calls", session.describe());
            sessions.stopWatchingAll(session);
            // a board that silently went quiet would look like a quiet call centre
            frames.send(session, ServerMessage.Error.of(ErrorCode.FORBIDDEN,
                    "your role no longer allows watching all calls; only your own calls follow", null));
        }
    }

    private void scheduleExpiry(ClientSession session) {
        long delay = Math.max(0, Duration.between(clock.instant(), session.expiresAt()).toMillis());
        ScheduledFuture<?> next = timer.schedule(() -> expireIfDue(session), delay, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> previous = expiries.put(session.id(), next);
        if (previous != null) {
            previous.cancel(false);
        }
    }

    private void expireIfDue(ClientSession session) {
        if (!session.isOpen()) {
            expiries.remove(session.id());
            return;
        }
        // a refresh-session handled at this very moment either moved the expiry first, or finds the socket closed
        synchronized (session) {
            if (expired(session)) {
                expiries.remove(session.id());
                expire(session);
                return;
            }
        }
        // renewed meanwhile, or the timer (counting nanoseconds) came a little early by the wall clock
        scheduleExpiry(session);
    }

    private boolean expired(ClientSession session) {
        return !clock.instant().isBefore(session.expiresAt());
    }

    private void expire(ClientSession session) {
        log.info("WebSocket client {}: its access token expired at {} and no fresh one came; closing",
                session.describe(), session.expiresAt());
        close(session, "the access token expired; send refresh-session with a fresh one before it does",
                "token expired");
    }

    private void close(ClientSession session, String message, String reason) {
        frames.send(session, ServerMessage.Error.of(ErrorCode.NOT_AUTHENTICATED, message, null));
        session.close(StatusCode.POLICY_VIOLATION, reason);
    }
}
