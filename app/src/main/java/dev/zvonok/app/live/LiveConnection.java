package dev.zvonok.app.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zvonok.app.server.AccessTokenSource;
import dev.zvonok.app.server.ServerException;
import dev.zvonok.app.server.ServerTrust;
import dev.zvonok.model.ws.ClientMessage;
import dev.zvonok.model.ws.ErrorCode;
import dev.zvonok.model.ws.ServerMessage;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.client.SslEngineConfigurator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's live link to server-lite's WebSocket: authenticates with a fresh access token, passes every state change
 * and every server message to the listeners (in order, on one delivery thread of its own), and keeps itself up.
 *
 * <ul>
 *   <li>After a drop, a failed dial or a server restart it tries again by itself, waiting 0.5 s doubling to 30 s
 *       (with jitter), and says so with {@link ConnectionState.Reconnecting} (when, and why);
 *       {@link #reconnectNow()} skips the wait.</li>
 *   <li>While connected it sends {@code ping}; a {@code pong} that does not come means a dead link (a laptop that
 *       slept, a NAT that forgot the connection): it is dropped and dialled again.</li>
 *   <li>The server closes a socket when the token it was authenticated with expires: a little before, a fresh token
 *       goes to the open socket ({@code refresh-session}), so the connection, its cards and its state never notice.
 *       A fresh token the server refuses is renewed once more; should that fail too, the server closes the socket at
 *       the expiry and it is dialled again like any other loss.</li>
 *   <li>When the server refuses the token it refreshes once and tries again at once; refused again, or the
 *       refresh refused, it stops with {@link ConnectionState.Offline} ("session expired"): the operator must log in
 *       again, after which {@link #reconnectNow()} starts it again.</li>
 *   <li>{@link #close()} stops it for good (logout, quitting).</li>
 * </ul>
 *
 * <p>Threading: the public methods may be called from any thread and return at once. One control thread of its own
 * owns every decision (dial, drop, wait, ping), so no two of them race; dialling (which may refresh the token over
 * HTTP) runs on a virtual thread, and frames are written on a writer thread of each socket, in the order they were
 * sent.
 */
public final class LiveConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LiveConnection.class);

    /** After a fresh token could not be had, the next try. */
    private static final Duration RENEW_RETRY = Duration.ofSeconds(5);

    /** Where the connection stands; only the control thread changes it. */
    private enum Phase { NEW, DIALING, AUTHENTICATING, CONNECTED, WAITING, OFFLINE, CLOSED }

    /**
     * An open socket with its own writer thread (a write stuck on a dead link holds up nothing else); its generation
     * tells a late failure from a current one.
     */
    private record Link(long generation, Session socket, ExecutorService writer) {

        static Link open(long generation, Session socket) {
            return new Link(generation, socket, Executors.newSingleThreadExecutor(
                    Thread.ofVirtual().name("live-writer-" + generation).factory()));
        }

        /** Drops what is still queued, and frees a write blocked on a dead peer; closing may wait for it too. */
        void close() {
            writer.shutdownNow();
            closeQuietly(socket);
        }
    }

    private final URI address;
    private final AccessTokenSource tokens;
    private final LiveSettings settings;
    private final ServerFrames frames;
    private final ClientManager client;
    private final Clock clock;
    private final Backoff backoff;
    private final ListenerDelivery delivery = new ListenerDelivery("live-delivery");
    private final ScheduledExecutorService control = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("live-control").daemon().factory());

    // confined to the control thread
    private Phase phase = Phase.NEW;
    /** Counts sockets: every callback carries the generation it was made for; older ones are ignored. */
    private long generation;
    /** The socket of the current attempt, authenticated or not yet. */
    private Link socket;
    private String attemptToken;
    private ScheduledFuture<?> timer;
    private ScheduledFuture<?> pinging;
    private String awaitedPong;
    private long pings;
    /** The token the server just refused: the next dial renews it instead of asking for the current one. */
    private String refusedToken;
    private boolean renewedSinceConnected;
    /** The next fresh token for the open socket, planned or being fetched. */
    private ScheduledFuture<?> renewal;
    /** The {@code refresh-session} awaiting its answer, the token it carries, and whether it is a second try. */
    private String renewalRef;
    private String renewalToken;
    private boolean renewalRetried;
    private long renewals;

    private volatile Link link;
    private volatile ConnectionState state = new ConnectionState.Offline("not started");

    /**
     * @param address the WebSocket, e.g. {@code ws://pbx-crm.local:3771/ws} ({@code ServerAddress.webSocket()})
     * @param tokens  where access tokens come from: the app's {@code Sessions}
     */
    public LiveConnection(URI address, AccessTokenSource tokens, LiveSettings settings, ObjectMapper json) {
        this(address, tokens, settings, json, ServerTrust.system());
    }

    /** @param trust whom a {@code wss://} server's certificate is believed from */
    public LiveConnection(URI address, AccessTokenSource tokens, LiveSettings settings, ObjectMapper json,
                          ServerTrust trust) {
        this(address, tokens, settings, json, trust, Clock.systemUTC(), RandomGenerator.getDefault());
    }

    LiveConnection(URI address, AccessTokenSource tokens, LiveSettings settings, ObjectMapper json, Clock clock,
                   RandomGenerator random) {
        this(address, tokens, settings, json, ServerTrust.system(), clock, random);
    }

    LiveConnection(URI address, AccessTokenSource tokens, LiveSettings settings, ObjectMapper json, ServerTrust trust,
                   Clock clock, RandomGenerator random) {
        this.address = Objects.requireNonNull(address, "address");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.frames = new ServerFrames(json);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.backoff = new Backoff(settings.firstRetry(), settings.maxRetry(), random);
        this.client = ClientManager.createClient();
        // Tyrus reads it as an Integer of milliseconds and silently falls back to 30 s for anything else
        client.getProperties().put(ClientProperties.HANDSHAKE_TIMEOUT,
                (int) Math.min(Integer.MAX_VALUE, settings.handshakeTimeout().toMillis()));
        client.getProperties().put(ClientProperties.INCOMING_BUFFER_SIZE, settings.maxMessageBytes());
        client.setDefaultMaxTextMessageBufferSize(settings.maxMessageBytes());
        // for wss:// only: Tyrus' client speaks TLS on any socket given a configurator, ws:// too (a plain server
        // then answers "Unrecognized SSL message"); the host name is checked against the certificate, as the HTTP
        // client does
        if ("wss".equalsIgnoreCase(address.getScheme())) {
            client.getProperties().put(ClientProperties.SSL_ENGINE_CONFIGURATOR,
                    new SslEngineConfigurator(trust.sslContext(), true, false, false)
                            .setHostVerificationEnabled(true));
        }
    }

    public void addListener(LiveListener listener) {
        delivery.add(listener);
    }

    public void removeListener(LiveListener listener) {
        delivery.remove(listener);
    }

    /** The latest state (as last published to the listeners). */
    public ConnectionState state() {
        return state;
    }

    /** Starts connecting; returns at once. */
    public void start() {
        onControl(() -> {
            if (phase == Phase.NEW) {
                dial();
            }
        });
    }

    /**
     * Sends a message on the authenticated connection, after everything sent before it.
     *
     * @return false when not connected (nothing is queued: the caller decides what to do, e.g. the notes outbox
     *         sends again after the next {@code active-calls}); true means handed to the socket, not received
     */
    public boolean send(ClientMessage message) {
        Link current = link;
        if (current == null) {
            return false;
        }
        return enqueue(current, frames.write(message));
    }

    /** Skips the wait of {@link ConnectionState.Reconnecting}, or starts again after {@link ConnectionState.Offline}. */
    public void reconnectNow() {
        onControl(() -> {
            if (phase == Phase.WAITING || phase == Phase.OFFLINE || phase == Phase.NEW) {
                renewedSinceConnected = false;
                dial();
            }
        });
    }

    /** Stops for good: closes the socket, publishes {@code Offline("closed")}, ends the threads. */
    @Override
    public void close() {
        Future<?> closing;
        try {
            closing = control.submit(() -> {
                if (phase != Phase.CLOSED) {
                    phase = Phase.CLOSED;
                    generation++;
                    tearDown();
                    publish(new ConnectionState.Offline("closed"));
                }
            });
        } catch (RejectedExecutionException alreadyClosed) {
            return;
        }
        control.shutdown();
        try {
            closing.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("Closing the live connection did not finish cleanly: {}", e.toString());
        }
        delivery.close();
        client.shutdown();
    }

    // ------------------------------------------------------------------------------------------ the control thread

    private void dial() {
        cancelTimer();
        long attempt = ++generation;
        phase = Phase.DIALING;
        String refused = refusedToken;
        refusedToken = null;
        publish(new ConnectionState.Connecting());
        Thread.ofVirtual().name("live-dial-" + attempt).start(() -> dialOffThread(attempt, refused));
    }

    /** On a virtual thread: a token (perhaps refreshed over HTTP), then the socket; the outcome goes back to control. */
    private void dialOffThread(long attempt, String refused) {
        try {
            String token = refused == null ? tokens.accessToken() : tokens.renewAccessToken(refused);
            client.connectToServer(new SocketEndpoint(attempt, token), ClientEndpointConfig.Builder.create().build(),
                    address);
        } catch (ServerException.SessionExpired e) {
            onControl(() -> stop(attempt, "session expired"));
        } catch (ServerException.AccountDisabled e) {
            onControl(() -> stop(attempt, "account disabled"));
        } catch (ServerException e) {
            onControl(() -> lost(attempt, "no access token: " + e.getMessage()));
        } catch (DeploymentException | IOException e) {
            String why = ServerTrust.isUntrusted(e) ? "the server's certificate is not trusted: " : "cannot connect: ";
            onControl(() -> lost(attempt, why + describe(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Dialling {} failed unexpectedly", address, e);
            onControl(() -> lost(attempt, "cannot connect: " + describe(e)));
        }
    }

    private void opened(long attempt, Session opened, String token) {
        if (attempt != generation || phase != Phase.DIALING) {
            closeQuietly(opened);
            return;
        }
        socket = Link.open(attempt, opened);
        attemptToken = token;
        phase = Phase.AUTHENTICATING;
        enqueue(socket, frames.write(new ClientMessage.Authenticate("auth-" + attempt, token)));
        timer = control.schedule(() -> {
            if (attempt == generation && phase == Phase.AUTHENTICATING) {
                lost(attempt, "no answer to authenticate");
            }
        }, settings.authTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void received(long attempt, String frame) {
        if (attempt != generation) {
            return;
        }
        Optional<ServerMessage> read = frames.read(frame);
        if (read.isEmpty()) {
            return;
        }
        ServerMessage message = read.get();
        if (phase == Phase.AUTHENTICATING) {
            if (message instanceof ServerMessage.Authenticated hello) {
                connected(attempt, hello);
            } else if (message instanceof ServerMessage.Error error
                    && ErrorCode.NOT_AUTHENTICATED.wireName().equals(error.code())) {
                refused(attempt, error.message());
                return;
            }
        } else if (phase == Phase.CONNECTED && message instanceof ServerMessage.Pong pong
                && Objects.equals(pong.ref(), awaitedPong)) {
            awaitedPong = null;
        } else if (phase == Phase.CONNECTED && renewalRef != null && renewalRef.equals(refOf(message))) {
            renewalAnswered(attempt, message);
        } else if (phase != Phase.CONNECTED) {
            return;
        }
        delivery.message(message);
    }

    private void connected(long attempt, ServerMessage.Authenticated hello) {
        cancelTimer();
        phase = Phase.CONNECTED;
        backoff.reset();
        renewedSinceConnected = false;
        link = socket;
        pinging = control.scheduleWithFixedDelay(() -> ping(attempt), settings.pingInterval().toMillis(),
                settings.pingInterval().toMillis(), TimeUnit.MILLISECONDS);
        planRenewal(attempt, hello);
        log.info("Connected to {}", address);
        publish(new ConnectionState.Connected());
    }

    /** The socket rests on a token that expires: plan presenting a fresh one a little before it does. */
    private void planRenewal(long attempt, ServerMessage.Authenticated answer) {
        cancelRenewal();
        if (answer.expiresAt() == null || answer.serverTime() == null) {
            return; // a server that does not end sockets with their tokens
        }
        // by the server's clock, which need not agree with this PC's
        Duration left = Duration.between(answer.serverTime(), answer.expiresAt());
        Duration ahead = settings.renewAhead().compareTo(left.dividedBy(3)) < 0 ? settings.renewAhead()
                : left.dividedBy(3);
        long delay = Math.max(0, left.minus(ahead).toMillis());
        renewal = control.schedule(() -> renew(attempt, null), delay, TimeUnit.MILLISECONDS);
    }

    /** Time to present a fresh token; {@code refused} is the one the server just refused, if any. */
    private void renew(long attempt, String refused) {
        if (attempt != generation || phase != Phase.CONNECTED) {
            return;
        }
        String current = attemptToken;
        Thread.ofVirtual().name("live-renew-" + attempt)
                .start(() -> renewOffThread(attempt, current, refused));
    }

    /** On a virtual thread: a fresh token (perhaps refreshed over HTTP); presenting it goes back to control. */
    private void renewOffThread(long attempt, String current, String refused) {
        try {
            String token;
            if (refused != null) {
                token = tokens.renewAccessToken(refused);
            } else {
                token = tokens.accessToken();
                if (token.equals(current)) {
                    token = tokens.renewAccessToken(current); // the session has not refreshed it yet: now
                }
            }
            String fresh = token;
            onControl(() -> presentToken(attempt, fresh, refused != null));
        } catch (ServerException.SessionExpired e) {
            onControl(() -> stop(attempt, "session expired"));
        } catch (ServerException.AccountDisabled e) {
            onControl(() -> stop(attempt, "account disabled"));
        } catch (ServerException | RuntimeException e) {
            onControl(() -> renewLater(attempt, "no fresh token: " + describe(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void presentToken(long attempt, String token, boolean secondTry) {
        if (attempt != generation || phase != Phase.CONNECTED) {
            return;
        }
        renewalRef = "renew-" + (++renewals);
        renewalToken = token;
        renewalRetried = secondTry;
        enqueue(link, frames.write(new ClientMessage.RefreshSession(renewalRef, token)));
    }

    /** The server answered the {@code refresh-session}: {@code authenticated} with the new expiry, or an error. */
    private void renewalAnswered(long attempt, ServerMessage answer) {
        String sent = renewalToken;
        renewalRef = null;
        renewalToken = null;
        if (answer instanceof ServerMessage.Authenticated renewed) {
            attemptToken = sent;
            log.debug("Session renewed on the open socket until {}", renewed.expiresAt());
            planRenewal(attempt, renewed);
        } else if (!renewalRetried && answer instanceof ServerMessage.Error error) {
            log.info("The server refused the fresh token ({}); renewing it once more", error.message());
            renew(attempt, sent);
        } else {
            log.warn("The server refused the fresh token again; the socket will be dialled again when it closes");
        }
    }

    /** No fresh token now (the server cannot be reached over HTTP): try again shortly, as long as the socket lasts. */
    private void renewLater(long attempt, String why) {
        if (attempt != generation || phase != Phase.CONNECTED) {
            return;
        }
        log.info("Cannot renew the session on the open socket yet ({}); trying again in {} s", why,
                RENEW_RETRY.toSeconds());
        cancelRenewal();
        renewal = control.schedule(() -> renew(attempt, null), RENEW_RETRY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void cancelRenewal() {
        if (renewal != null) {
            renewal.cancel(false);
            renewal = null;
        }
        renewalRef = null;
        renewalToken = null;
    }

    private static String refOf(ServerMessage message) {
        return switch (message) {
            case ServerMessage.Authenticated m -> m.ref();
            case ServerMessage.Error m -> m.ref();
            default -> null;
        };
    }

    /** The server refused the token: refresh once and dial again at once; a second refusal ends it. */
    private void refused(long attempt, String why) {
        if (renewedSinceConnected) {
            log.warn("The server refused a freshly refreshed token too ({}); stopping", why);
            stop(attempt, "session expired");
            return;
        }
        log.info("The server refused the access token ({}); refreshing it and connecting again", why);
        renewedSinceConnected = true;
        tearDown();
        refusedToken = attemptToken;
        dial();
    }

    private void ping(long attempt) {
        if (attempt != generation || phase != Phase.CONNECTED || awaitedPong != null) {
            return;
        }
        String ref = "ping-" + (++pings);
        awaitedPong = ref;
        enqueue(link, frames.write(new ClientMessage.Ping(ref)));
        control.schedule(() -> {
            if (attempt == generation && ref.equals(awaitedPong)) {
                lost(attempt, "no answer to ping within " + settings.pongTimeout().toSeconds() + " s");
            }
        }, settings.pongTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The socket of {@code attempt} is gone or useless: wait, then dial again. */
    private void lost(long attempt, String reason) {
        if (attempt != generation
                || (phase != Phase.DIALING && phase != Phase.AUTHENTICATING && phase != Phase.CONNECTED)) {
            return;
        }
        tearDown();
        generation++;
        Duration wait = backoff.next();
        phase = Phase.WAITING;
        timer = control.schedule(() -> {
            if (phase == Phase.WAITING) {
                dial();
            }
        }, wait.toMillis(), TimeUnit.MILLISECONDS);
        log.info("Live connection lost ({}); next attempt in {} ms", reason, wait.toMillis());
        publish(new ConnectionState.Reconnecting(clock.instant().plus(wait), reason));
    }

    /** No point in trying again without the operator: the session is over. */
    private void stop(long attempt, String reason) {
        if (attempt != generation || phase == Phase.CLOSED) {
            return;
        }
        tearDown();
        generation++;
        phase = Phase.OFFLINE;
        log.info("Live connection stopped: {}", reason);
        publish(new ConnectionState.Offline(reason));
    }

    private void tearDown() {
        cancelTimer();
        cancelRenewal();
        if (pinging != null) {
            pinging.cancel(false);
            pinging = null;
        }
        awaitedPong = null;
        link = null;
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void publish(ConnectionState next) {
        if (!next.equals(state)) {
            state = next;
            delivery.state(next);
        }
    }

    private void onControl(Runnable task) {
        try {
            control.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.error("The live connection's control failed; going on", e);
                }
            });
        } catch (RejectedExecutionException closed) {
            // closed: nothing to decide any more
        }
    }

    // ------------------------------------------------------------------------------------------ other threads

    /** Frames go out on the socket's writer thread, in order: a write may block on a stalled link. */
    private boolean enqueue(Link target, String frame) {
        try {
            target.writer().execute(() -> write(target, frame));
            return true;
        } catch (RejectedExecutionException closed) {
            return false;
        }
    }

    /** On the writer thread. */
    private void write(Link target, String frame) {
        try {
            target.socket().getBasicRemote().sendText(frame);
        } catch (IOException | RuntimeException e) {
            onControl(() -> lost(target.generation(), "cannot send: " + describe(e)));
        }
    }

    /** Closing may wait for a dead peer: never on the control thread. */
    private static void closeQuietly(Session session) {
        Thread.ofVirtual().name("live-close").start(() -> {
            try {
                session.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "bye"));
            } catch (IOException | RuntimeException e) {
                log.debug("Closing a socket failed: {}", e.toString());
            }
        });
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " " + message);
    }

    /** One socket's callbacks, tagged with its generation; Tyrus calls them on its own threads. */
    private final class SocketEndpoint extends Endpoint {

        private final long attempt;
        private final String token;

        SocketEndpoint(long attempt, String token) {
            this.attempt = attempt;
            this.token = token;
        }

        @Override
        public void onOpen(Session opened, EndpointConfig config) {
            opened.setMaxTextMessageBufferSize(settings.maxMessageBytes());
            // pings find a dead link; Tyrus' idle timer would only be rescheduled on every frame, on an executor its
            // container shuts down when a socket closes, racing the next socket's first send (tyrus#640)
            opened.setMaxIdleTimeout(-1);
            opened.addMessageHandler(String.class,
                    (MessageHandler.Whole<String>) frame -> onControl(() -> received(attempt, frame)));
            onControl(() -> opened(attempt, opened, token));
        }

        @Override
        public void onClose(Session closed, CloseReason reason) {
            String why = reason.getReasonPhrase() == null || reason.getReasonPhrase().isBlank()
                    ? String.valueOf(reason.getCloseCode()) : reason.getReasonPhrase();
            onControl(() -> lost(attempt, "connection closed: " + why));
        }

        @Override
        public void onError(Session failed, Throwable error) {
            onControl(() -> lost(attempt, "connection failed: " + describe(error)));
        }
    }
}
