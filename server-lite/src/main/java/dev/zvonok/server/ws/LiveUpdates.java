package dev.zvonok.server.ws;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zvonok.server.ami.ClickToCall;
import dev.zvonok.server.api.Routes;
import dev.zvonok.server.auth.TokenVerifier;
import dev.zvonok.server.calls.CallCards;
import dev.zvonok.server.directory.Directory;
import dev.zvonok.server.directory.UserRepository;
import dev.zvonok.server.tracking.CallEventListener;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Live delivery to the operators' apps, assembled: the WebSocket endpoint, the sessions, the delivery of call events
 * and the answers to what clients ask. The composition root adds {@link #routes()} to the HTTP server and
 * {@link #calls()} to the tracker's listeners.
 */
public final class LiveUpdates implements AutoCloseable {

    /** How long a fresh connection may take to send {@code authenticate}. */
    public static final Duration AUTHENTICATION_TIMEOUT = Duration.ofSeconds(5);

    private final ClientSessions sessions = new ClientSessions();
    private final CallDelivery delivery;
    private final ClientRequests requests;
    private final WebSocketRoutes routes;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("ws-auth-timer").daemon(true).factory());

    public LiveUpdates(TokenVerifier tokens, Directory directory, UserRepository users, CallCards cards,
                       HistoryLookup history, ObjectMapper json, MeterRegistry metrics, Clock clock) {
        CardIndex index = new CardIndex();
        Frames frames = new Frames(json);
        this.delivery = new CallDelivery(directory, history, sessions, json, new DeliveryMetrics(metrics), index)
                .start();
        this.requests = new ClientRequests(cards, index, delivery, users, frames, clock);
        this.routes = new WebSocketRoutes(tokens, sessions, requests, json, AUTHENTICATION_TIMEOUT, timer);
        Gauge.builder("zvonok.ws.clients", sessions, ClientSessions::authenticated)
                .description("authenticated WebSocket clients").register(metrics);
        Gauge.builder("zvonok.delivery.queue", delivery, CallDelivery::queued)
                .description("call events waiting to be delivered").register(metrics);
        FunctionCounter.builder("zvonok.delivery.failures", delivery, CallDelivery::failures)
                .description("call events that failed to deliver").register(metrics);
    }

    /** Click-to-call goes through this PBX from now on; until then clients are told the PBX is unavailable. */
    public void placeCallsThrough(ClickToCall pbx) {
        requests.placeCallsThrough(pbx);
    }

    public Routes routes() {
        return routes;
    }

    /** The tracker's listener: it only queues. */
    public CallEventListener calls() {
        return delivery;
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
