package dev.zvonok.server.pbx;

import dev.zvonok.server.amiwire.AmiMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP server that speaks AMI to clients exactly as Asterisk 20 does, for tests, the demo, benchmarks and
 * {@code ami-replay}: banner, Challenge/Login, CoreSettings, Events, Ping, Command, Logoff, the channel lists, and
 * the call-control actions through a pluggable {@link CallControl}.
 *
 * <p>What happens on the "PBX" comes from {@link #publish}: each event goes to every logged-in client whose account
 * and event mask let it read the event's class, and it keeps the {@link ChannelTable} current, so
 * {@code CoreShowChannels} and {@code Status} answer from live state. Each client has its own bounded outbound
 * queue and writer; one that cannot keep up is disconnected, the others never wait for it.
 *
 * <p>Build with {@link #builder()}, then {@link #start()}; port 0 (the default) picks a free port, {@link #port()}
 * tells which.
 */
public final class AmiEndpoint implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AmiEndpoint.class);

    private final Map<String, AmiAccount> accountsByName;
    private final AsteriskIdentity identity;
    private final CallControl callControl;
    private final int queueCapacity;
    private final long writeTimeoutNanos;
    private final SlowClientPolicy slowClientPolicy;
    private final InstantSource clock;
    private final ConnectionAcceptor acceptor;
    private final ActionDispatcher dispatcher = new ActionDispatcher(this);
    private final ChannelTable channels = new ChannelTable();
    private final QueueTable queues = new QueueTable();
    private final LoginRegistry logins = new LoginRegistry();
    private final List<AmiSession> sessions = new CopyOnWriteArrayList<>();
    private final AtomicLong sessionIds = new AtomicLong();
    private final AtomicLong pingsAnswered = new AtomicLong();
    /** Held while an event is applied and fanned out, so list answers and logins see a consistent moment. */
    private final Object eventLock = new Object();
    private final long startedAtMillis;
    private volatile boolean closed;

    private AmiEndpoint(Builder builder) {
        Map<String, AmiAccount> accounts = new LinkedHashMap<>();
        builder.accounts.forEach(account -> accounts.put(account.username().toLowerCase(Locale.ROOT), account));
        this.accountsByName = Map.copyOf(accounts);
        this.identity = builder.identity;
        this.callControl = builder.callControl;
        this.queueCapacity = builder.queueCapacity;
        this.writeTimeoutNanos = builder.writeTimeout.toNanos();
        this.slowClientPolicy = builder.slowClientPolicy;
        this.clock = builder.clock;
        this.startedAtMillis = clock.millis();
        this.acceptor = new ConnectionAcceptor(builder.bindAddress, builder.port, this::accepted);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts listening; returns this, for {@code try (var pbx = AmiEndpoint.builder().build().start())}. */
    public AmiEndpoint start() {
        if (closed) {
            throw new IllegalStateException("endpoint closed");
        }
        acceptor.open();
        return this;
    }

    /** The port it listens on (the one it got, when built with port 0). */
    public int port() {
        return acceptor.port();
    }

    // ---- publishing and state ------------------------------------------------------------------------------------

    /**
     * Sends an event to every logged-in client that may and wants to read it, and applies it to the channel table.
     * Never blocks on a client unless built with {@link SlowClientPolicy#WAIT}. Safe from any thread; events
     * published from one thread arrive in that order. A {@code Shutdown} event then ends every connection, as when
     * Asterisk stops (the endpoint itself goes on listening: clients may log in again at once).
     */
    public void publish(AmiMessage event) {
        int eventClasses = EventClass.ofPrivilege(event.get("Privilege"));
        byte[] wire = event.toWire().getBytes(StandardCharsets.UTF_8); // encoded once for all clients
        synchronized (eventLock) {
            channels.apply(event, clock.millis());
            queues.apply(event, clock.millis());
            for (AmiSession session : sessions) {
                if (session.wantsEvent(eventClasses)) {
                    session.send(wire);
                }
            }
            if (event.isEvent("Shutdown")) {
                // Asterisk announces its stop (to those who read system events) and the connections end with it
                log.info("Shutdown published: ending {} AMI connection(s), as a stopping Asterisk does",
                        sessions.size());
                sessions.forEach(AmiSession::closeAfterFlush);
            }
        }
    }

    /** The live channels, as CoreShowChannels reports them. */
    public ChannelTable channels() {
        return channels;
    }

    /** The queues' callers and members, as QueueStatus reports them. */
    public QueueTable queues() {
        return queues;
    }

    /** Adds channels that are up before anything is published, from recorded {@code CoreShowChannel} items. */
    public void seedChannels(Collection<AmiMessage> coreShowChannelEvents) {
        synchronized (eventLock) {
            channels.seed(coreShowChannelEvents, clock.millis());
        }
    }

    // ---- logins ------------------------------------------------------------------------------------------------

    /** Clients logged in right now. */
    public int loggedInClients() {
        return logins.loggedInCount();
    }

    /** Successful logins since start, reconnections included. */
    public long loginCount() {
        return logins.loginCount();
    }

    /** Connections open right now, logged in or not. */
    public int connectedClients() {
        return sessions.size();
    }

    /** Completes when the first client logs in: the usual moment to start playing a timeline. */
    public CompletableFuture<Void> firstLogin() {
        return logins.firstLogin();
    }

    /** Waits until at least one client is logged in. */
    public boolean awaitLogin(Duration timeout) throws InterruptedException {
        return logins.awaitLoggedIn(1, timeout);
    }

    /** Waits until at least {@code clients} clients are logged in at once. */
    public boolean awaitLoggedInClients(int clients, Duration timeout) throws InterruptedException {
        return logins.awaitLoggedIn(clients, timeout);
    }

    /** Waits until there have been {@code count} successful logins in all (a reconnect is a new login). */
    public boolean awaitLoginCount(long count, Duration timeout) throws InterruptedException {
        return logins.awaitLoginCount(count, timeout);
    }

    /** {@code Ping}s answered since start, to every client: how a test sees a quiet client prove its link. */
    public long pingsAnswered() {
        return pingsAnswered.get();
    }

    // ---- test controls -----------------------------------------------------------------------------------------

    /** Drops every client connection at once, without a word, as a crashing PBX or a broken network would. */
    public void dropAllConnections() {
        List<AmiSession> dropped = new ArrayList<>(sessions);
        log.info("Dropping {} AMI connection(s)", dropped.size());
        dropped.forEach(session -> session.close("dropped by the endpoint"));
    }

    /** Refuses new connections (they are actively refused, as with Asterisk down) until {@link #resumeAccepting()}. */
    public void stopAccepting() {
        acceptor.close();
    }

    /** Listens again, on the same port. */
    public synchronized void resumeAccepting() {
        if (!closed) {
            acceptor.open();
        }
    }

    public boolean isAccepting() {
        return acceptor.isOpen();
    }

    /** Refuses new connections for a while, then listens again on the same port. */
    public void refuseConnectionsFor(Duration period) {
        stopAccepting();
        Thread.ofVirtual().name("ami-endpoint-refusal").start(() -> {
            try {
                Thread.sleep(period);
                resumeAccepting();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.error("Could not listen again on port {} after refusing connections", port(), e);
            }
        });
    }

    /** Stops listening and drops every connection. */
    @Override
    public void close() {
        synchronized (this) { // so that a pending refuseConnectionsFor cannot listen again afterwards
            closed = true;
            acceptor.close();
        }
        new ArrayList<>(sessions).forEach(session -> session.close("endpoint closed"));
    }

    // ---- for sessions and the dispatcher -----------------------------------------------------------------------

    AmiAccount account(String username) {
        return username == null ? null : accountsByName.get(username.toLowerCase(Locale.ROOT));
    }

    AsteriskIdentity identity() {
        return identity;
    }

    CallControl callControl() {
        return callControl;
    }

    InstantSource clock() {
        return clock;
    }

    long uptimeSeconds() {
        return Math.max(0, (clock.millis() - startedAtMillis) / 1000);
    }

    /** Runs the task with no event published meanwhile: a list answer then matches the events around it. */
    void withEventsHeld(Runnable task) {
        synchronized (eventLock) {
            task.run();
        }
    }

    void pingAnswered() {
        pingsAnswered.incrementAndGet();
    }

    void countLogin(AmiSession session) {
        logins.loggedIn(session);
    }

    void loginAnswered() {
        logins.completeFirstLogin();
    }

    void sessionClosed(AmiSession session) {
        sessions.remove(session);
        logins.gone(session);
    }

    private void accepted(Socket socket) {
        if (closed) {
            closeQuietly(socket);
            return;
        }
        try {
            socket.setTcpNoDelay(true);
            AmiSession session = new AmiSession(sessionIds.incrementAndGet(), socket, this, dispatcher,
                    queueCapacity, writeTimeoutNanos, slowClientPolicy);
            sessions.add(session);
            log.info("AMI client {} connected from {}", session.id(), socket.getRemoteSocketAddress());
            session.start(identity.banner());
        } catch (IOException e) {
            log.warn("Could not set up AMI connection from {}", socket.getRemoteSocketAddress(), e);
            closeQuietly(socket);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to do for a socket we are giving up on
        }
    }

    /** Configuration of an {@link AmiEndpoint}; every setting has a default fit for tests. */
    public static final class Builder {
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private int port;
        private List<AmiAccount> accounts = new ArrayList<>(AmiAccount.defaults());
        private AsteriskIdentity identity = AsteriskIdentity.ASTERISK_20;
        private CallControl callControl = new AcknowledgingCallControl();
        private int queueCapacity = 50_000;
        private Duration writeTimeout = Duration.ofMillis(5000); // manager.conf writetimeout of the capture rig
        private SlowClientPolicy slowClientPolicy = SlowClientPolicy.DISCONNECT;
        private InstantSource clock = InstantSource.system();

        private Builder() {
        }

        /** Loopback by default; any local address, or the wildcard address, to listen more widely. */
        public Builder bindAddress(InetAddress address) {
            this.bindAddress = Objects.requireNonNull(address);
            return this;
        }

        /** 0 (the default) for a free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /** Replaces the default accounts ({@link AmiAccount#defaults()}: crm, cti and ctirs). */
        public Builder accounts(Collection<AmiAccount> newAccounts) {
            this.accounts = new ArrayList<>(newAccounts);
            return this;
        }

        /** Adds an account to those already configured. */
        public Builder account(AmiAccount account) {
            this.accounts.add(Objects.requireNonNull(account));
            return this;
        }

        public Builder identity(AsteriskIdentity newIdentity) {
            this.identity = Objects.requireNonNull(newIdentity);
            return this;
        }

        public Builder callControl(CallControl newCallControl) {
            this.callControl = Objects.requireNonNull(newCallControl);
            return this;
        }

        /** How many messages may wait for one client before it counts as too slow and is disconnected. */
        public Builder outboundQueueCapacity(int capacity) {
            if (capacity < 16) {
                throw new IllegalArgumentException("queue capacity too small: " + capacity);
            }
            this.queueCapacity = capacity;
            return this;
        }

        /** How long one write to a client may block before it counts as too slow (Asterisk's writetimeout). */
        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** Disconnect a client that falls behind (the default, as Asterisk), or make publishing wait for it. */
        public Builder slowClientPolicy(SlowClientPolicy policy) {
            this.slowClientPolicy = Objects.requireNonNull(policy);
            return this;
        }

        /** The clock for channel durations, Ping timestamps and uptime. */
        public Builder clock(InstantSource newClock) {
            this.clock = Objects.requireNonNull(newClock);
            return this;
        }

        public AmiEndpoint build() {
            return new AmiEndpoint(this);
        }
    }
}
