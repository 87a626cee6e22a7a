package dev.zvonok.server.ws;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zvonok.model.ws.ServerMessage;
import dev.zvonok.server.ami.ChanSpy;
import dev.zvonok.server.ami.ClickToCall;
import dev.zvonok.server.api.Routes;
import dev.zvonok.server.audit.AuditLog;
import dev.zvonok.server.auth.TokenVerifier;
import dev.zvonok.server.board.Board;
import dev.zvonok.server.calls.CallCards;
import dev.zvonok.server.dialfailures.DialFailureStore;
import dev.zvonok.server.directory.Directory;
import dev.zvonok.server.directory.DirectoryChangeListener;
import dev.zvonok.server.directory.UserRepository;
import dev.zvonok.server.tracking.CallEventListener;
import dev.zvonok.server.workstatus.WorkStatuses;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live delivery to the operators' apps, assembled: the WebSocket endpoint, the sessions, the delivery of call events
 * and the answers to what clients ask. The composition root adds {@link #routes()} to the HTTP server and
 * {@link #calls()} to the tracker's listeners.
 */
public final class LiveUpdates implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

    /** How long a fresh connection may take to send {@code authenticate}. */
    public static final Duration AUTHENTICATION_TIMEOUT = Duration.ofSeconds(5);

    private final ClientSessions sessions = new ClientSessions();
    private final CallDelivery delivery;
    private final ClientRequests requests;
    private final SessionLifetimes lifetimes;
    private final WebSocketRoutes routes;
    /** Closes sockets that did not authenticate in time, and those whose token expired. */
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("ws-timer").daemon(true).factory());

    public LiveUpdates(TokenVerifier tokens, Directory directory, UserRepository users, CallCards cards,
                       HistoryLookup history, ObjectMapper json, MeterRegistry metrics, Clock clock, Board board,
                       WorkStatuses workStatuses, AuditLog audit, DialFailureStore keptDialFailures) {
        CardIndex index = new CardIndex();
        Frames frames = new Frames(json);
        this.delivery = new CallDelivery(directory, history, sessions, json, new DeliveryMetrics(metrics), index,
                clock).start();
        restoreDialFailures(keptDialFailures, clock);
        this.lifetimes = new SessionLifetimes(tokens, sessions, frames, timer, clock);
        this.requests = new ClientRequests(cards, index, delivery, users, lifetimes, frames, clock, board,
                workStatuses, audit, keptDialFailures);
        // a change made on the phone reaches every app of the operator; the app's own changes are answered there
        workStatuses.listen((userId, status, pbxProblem, answering) -> {
            if (answering == null) {
                delivery.sendToUser(userId, requests.workStatus(null, status, pbxProblem));
            }
        });
        this.routes = new WebSocketRoutes(tokens, sessions, requests, lifetimes, json, AUTHENTICATION_TIMEOUT,
                timer);
        Gauge.builder("zvonok.ws.clients", sessions, ClientSessions::authenticated)
                .description("authenticated WebSocket clients").register(metrics);
        Gauge.builder("zvonok.delivery.queue", delivery, CallDelivery::queued)
                .description("call events waiting to be delivered").register(metrics);
        FunctionCounter.builder("zvonok.delivery.failures", delivery, CallDelivery::failures)
                .description("call events that failed to deliver").register(metrics);
    }

    /**
     * The click-to-call failures a server before this one kept and no app acknowledged: told to each socket their user
     * opens next, as if this server had said them. A database that cannot say is logged and forgotten: the server
     * starts all the same.
     */
    private void restoreDialFailures(DialFailureStore store, Clock clock) {
        try {
            List<DialFailureStore.Kept> kept = store.unacknowledged(clock.instant());
            delivery.restoreDialFailures(kept);
            if (!kept.isEmpty()) {
                log.info("{} click-to-call failures not yet acknowledged are kept for their users' next sockets",
                        kept.size());
            }
        } catch (RuntimeException e) {
            log.warn("Cannot read the click-to-call failures kept before this start: {}", e.toString());
        }
    }

    /** Click-to-call goes through this PBX from now on; until then clients are told the PBX is unavailable. */
    public void placeCallsThrough(ClickToCall pbx) {
        requests.placeCallsThrough(pbx);
    }

    /** Listen / whisper / barge go through this PBX from now on; until then clients are told it is unavailable. */
    public void spyThrough(ChanSpy pbx) {
        requests.spyThrough(pbx);
    }

    /** To every open app of the user, after the call events queued before; returns at once. */
    public void sendToUser(long userId, ServerMessage message) {
        delivery.sendToUser(userId, message);
    }

    public Routes routes() {
        return routes;
    }

    /** The tracker's listener: it only queues. */
    public CallEventListener calls() {
        return delivery;
    }

    /**
     * To be told of every directory change: each open socket's token is checked again, and those of users disabled
     * or deleted are closed at once. Returns at once.
     */
    public DirectoryChangeListener directoryChanges() {
        return lifetimes::directoryChanged;
    }

    public int connectedClients() {
        return sessions.authenticated();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        delivery.close();
    }
}
