package dev.zvonok.server.ami;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.random.RandomGenerator;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps server-lite logged in to Asterisk's manager interface, whatever happens to the network or the PBX.
 *
 * <p>One supervisor thread connects with asterisk-java, and after every (re)connect asks for the channel list
 * ({@code CoreShowChannels}) so that the tracker learns the calls that began and forgets those that ended while it was
 * away. The list's events travel the same ordered path as live events, so the snapshot lands exactly where the PBX
 * produced it in the stream. A connection that falls silent is asked for a {@code Ping} and dropped when nothing
 * answers ({@link SilenceWatch}: a link dead without a FIN is noticed within seconds); a lost one is re-established
 * after a capped, jittered backoff. asterisk-java's own reconnect loop (fixed intervals) is stopped each time in
 * favour of this one. What the PBX refuses for lack of permission is remembered and said plainly
 * ({@link MissingPermissions}).
 */
public final class AmiConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AmiConnection.class);

    public enum State { CONNECTING, CONNECTED, DISCONNECTED, STOPPED }

    private final AmiSettings settings;
    private final ManagerEventListener events;
    /** Further listeners (the queues'...), attached to every connection after {@link #events}. */
    private final List<ManagerEventListener> moreListeners = new CopyOnWriteArrayList<>();
    private final ManagerEventListener toMoreListeners = this::toMoreListeners;
    private final List<Runnable> connectedHooks = new CopyOnWriteArrayList<>();
    private final Backoff backoff;
    private final Thread supervisor;
    private final AtomicLong resyncCounter = new AtomicLong();
    private final AtomicLong connects = new AtomicLong();
    private final AmiValueBounds valueBounds = new AmiValueBounds();

    private volatile boolean stopping;
    /** Opened by {@link #close()}: wakes the supervisor from a backoff wait without interrupting a logoff. */
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile State state = State.DISCONNECTED;
    private volatile Instant stateSince = Instant.now();
    private volatile String lastError;
    private volatile PbxVersion pbxVersion = new PbxVersion(null, null);
    private final MissingPermissions missingPermissions;
    private volatile PbxLink current;
    private volatile CountDownLatch lost = new CountDownLatch(1);
    private final AtomicReference<CompletableFuture<String>> nextLoss = new AtomicReference<>(new CompletableFuture<>());

    /**
     * @param events receives every event of every connection, in order (normally an {@link AmiEventPump})
     */
    public AmiConnection(AmiSettings settings, ManagerEventListener events) {
        this(settings, events, RandomGenerator.getDefault());
    }

    AmiConnection(AmiSettings settings, ManagerEventListener events, RandomGenerator random) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.events = Objects.requireNonNull(events, "events");
        this.backoff = new Backoff(settings.reconnectInitialDelay(), settings.reconnectMaxDelay(), random);
        this.missingPermissions = new MissingPermissions(settings.username());
        this.supervisor = Thread.ofPlatform().name("ami-supervisor").daemon(true).unstarted(this::supervise);
    }

    /**
     * Adds a listener to every connection from now on (the live one included). It is called on asterisk-java's
     * event thread, after the constructor's: it must hand the event on and return at once.
     */
    public void addEventListener(ManagerEventListener listener) {
        moreListeners.add(listener);
    }

    /**
     * Runs the hook on the supervisor thread after every login (after the channel list is asked for), and at once if
     * logged in now: where a feature asks the PBX for its own picture. It must not block (send from another thread).
     */
    public void whenConnected(Runnable hook) {
        connectedHooks.add(hook);
        if (state == State.CONNECTED) {
            runQuietly(hook);
        }
    }

    /** What was cut or cleaned of the values the PBX sent, over every connection. */
    public AmiValueBounds valueBounds() {
        return valueBounds;
    }

    public AmiConnection start() {
        supervisor.start();
        return this;
    }

    public State state() {
        return state;
    }

    public Instant stateSince() {
        return stateSince;
    }

    /** How many times a login succeeded. */
    public long connects() {
        return connects.get();
    }

    /**
     * Completes, with why, when the connection that is up now (or the next one, while none is) is lost: the moment
     * the state turned {@link State#DISCONNECTED}. Attempts that never logged in do not count.
     */
    public CompletableFuture<String> nextLoss() {
        return nextLoss.get().copy();
    }

    /** Why the last attempt failed or the last connection was lost; null while all is well. */
    public String lastError() {
        return lastError;
    }

    public String address() {
        return settings.address();
    }

    /** The manager.conf account it logs in as. */
    public String username() {
        return settings.username();
    }

    /**
     * What the manager.conf account lacks for server-lite's features, as the PBX last refused it, e.g.
     * {@code write: reporting (resync after reconnect)}; empty while nothing was refused.
     */
    public List<String> missingPermissions() {
        return missingPermissions.texts();
    }

    /** Which Asterisk the PBX is, as learnt at the last login; unknown before the first. */
    public PbxVersion pbxVersion() {
        return pbxVersion;
    }

    /** Blocks until logged in, or the timeout passes, or the connection is closed. */
    public boolean awaitConnected(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (state != State.CONNECTED) {
            if (stopping || System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /**
     * Sends an action on the live connection and waits for its response.
     *
     * @throws IOException when not connected or the PBX does not answer in time
     */
    public ManagerResponse send(ManagerAction action) throws IOException {
        PbxLink connection = current;
        if (connection == null || state != State.CONNECTED) {
            throw new IOException("not connected to the PBX at " + settings.address());
        }
        try {
            ManagerResponse response = connection.sendAction(action, settings.responseTimeout().toMillis());
            ManagerPermission.neededBy(action.getAction())
                    .ifPresent(needed -> missingPermissions.note(needed, response));
            return response;
        } catch (TimeoutException | IllegalStateException e) {
            throw new IOException(action.getAction() + " got no answer from " + settings.address(), e);
        }
    }

    /**
     * Asks the PBX for its channel list; the tracker reconciles when the list's last event arrives. Returns the
     * list's ActionID.
     */
    public String requestResync() throws IOException {
        PbxLink connection = current;
        if (connection == null) {
            throw new IOException("not connected to the PBX at " + settings.address());
        }
        CoreShowChannelsAction action = new CoreShowChannelsAction();
        String listId = "zvonok-resync-" + resyncCounter.incrementAndGet();
        action.setActionId(listId);
        // the list's events come to every listener in stream order; the response itself needs no waiting for
        try {
            connection.sendAction(action, response -> {
                missingPermissions.note(ManagerPermission.RESYNC, response);
                if (response instanceof ManagerError error && !ManagerPermission.isDenial(error)) {
                    log.warn("The PBX refused CoreShowChannels ({}): calls cannot be resynchronised",
                            error.getMessage());
                }
            });
        } catch (IllegalStateException e) { // the library knew of a loss a moment before we did
            throw new IOException("not connected to the PBX at " + settings.address() + ": " + e.getMessage(), e);
        }
        return listId;
    }

    private void supervise() {
        int failures = 0;
        while (!stopping) {
            setState(State.CONNECTING);
            PbxLink connection = connect();
            if (connection == null) {
                sleep(backoff.delay(failures++));
                continue;
            }
            failures = 0;
            connects.incrementAndGet();
            lastError = null;
            current = connection;
            pbxVersion = connection.pbxVersion();
            setState(State.CONNECTED);
            log.info("Logged in to the PBX at {} as {}: {}", settings.address(), settings.username(), pbxVersion);
            resyncQuietly();
            connectedHooks.forEach(AmiConnection::runQuietly);
            watch(connection);
            current = null;
            if (stopping) {
                release(connection);
                break;
            }
            // said first, so that /health tells at once; letting go of the socket comes after
            setState(State.DISCONNECTED);
            nextLoss.getAndSet(new CompletableFuture<>()).complete(lastError);
            Duration pause = backoff.delay(failures++);
            log.warn("Lost the PBX at {}: {}; trying again in {} ms", settings.address(), lastError,
                    pause.toMillis());
            detach(connection);
            connection.abandon();
            sleep(pause);
        }
        setState(State.STOPPED);
    }

    private PbxLink connect() {
        CountDownLatch lostForThisConnection = new CountDownLatch(1);
        lost = lostForThisConnection;
        PbxLink connection = new PbxLink(settings, valueBounds, () -> {
            lostForThisConnection.countDown();
            LockSupport.unpark(supervisor);
        });
        AmiEventClasses.registerOn(connection);
        connection.addEventListener(events);
        // One listener reads the list at each event: a listener added while a connection is being made (before it
        // is the current one) still hears it, which adding each to each connection could miss.
        connection.addEventListener(toMoreListeners);
        try {
            connection.login(settings.eventMask());
            return connection;
        } catch (AuthenticationFailedException e) {
            lastError = "login refused: " + e.getMessage();
            log.error("The PBX at {} refused the login of {}: {}", settings.address(), settings.username(),
                    e.getMessage());
        } catch (IOException | TimeoutException | RuntimeException e) {
            lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
            log.warn("Cannot reach the PBX at {}: {}", settings.address(), lastError);
        }
        detach(connection);
        connection.abandon();
        return null;
    }

    /**
     * Waits while the connection lives: asks a silent one for a Ping and gives up on it when nothing answers
     * ({@link SilenceWatch}), re-reads the channel list now and then. Returns when the connection is closed or dead,
     * {@link #lastError} saying which.
     */
    private void watch(PbxLink connection) {
        SilenceWatch silence = new SilenceWatch(settings.pingAfterSilence(), settings.pingTimeout());
        long resyncEvery = settings.resyncInterval().toNanos();
        long nextResync = System.nanoTime() + resyncEvery;
        while (!stopping) {
            if (lost.getCount() == 0) {
                if (!stopping) {
                    lastError = "connection closed";
                }
                return;
            }
            long now = System.nanoTime();
            long lastHeard = connection.lastHeardNanos();
            switch (silence.check(now, lastHeard)) {
                case PING -> {
                    if (!ping(connection)) {
                        return;
                    }
                }
                case DEAD -> {
                    lastError = "no answer to Ping within %d ms (nothing heard from the PBX for %d ms)".formatted(
                            settings.pingTimeout().toMillis(), (now - lastHeard) / 1_000_000);
                    return;
                }
                case ALIVE -> {
                    // nothing to do until the next look
                }
            }
            if (now - nextResync >= 0) {
                resyncQuietly();
                nextResync = now + resyncEvery;
            }
            // woken early by a closed connection, a Pong (the silence is then counted from it) or close()
            long wakeAt = Math.min(silence.nextCheckAt(lastHeard), nextResync);
            LockSupport.parkNanos(this, Math.max(1, wakeAt - System.nanoTime()));
        }
    }

    /** Sends a Ping without waiting: whatever arrives next, the Pong or an event, proves the link alive. */
    private boolean ping(PbxLink connection) {
        try {
            connection.sendAction(new PingAction(), pong -> LockSupport.unpark(supervisor));
            return true;
        } catch (IOException | IllegalStateException e) {
            lastError = "cannot send Ping: " + e.getMessage();
            return false;
        }
    }

    private void resyncQuietly() {
        try {
            String listId = requestResync();
            log.debug("Resynchronising calls from the channel list {}", listId);
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot ask the PBX for its channel list: {}", e.getMessage());
        }
    }

    /** Logs off politely (when stopping); the listeners go first so nothing leaks in. */
    private void release(PbxLink connection) {
        detach(connection);
        ManagerConnectionState libraryState = connection.getState();
        if (libraryState == ManagerConnectionState.CONNECTED || libraryState == ManagerConnectionState.RECONNECTING) {
            try {
                connection.logoff();
            } catch (RuntimeException e) {
                log.debug("Logoff after a lost connection failed: {}", e.getMessage());
            }
        }
    }

    private void detach(PbxLink connection) {
        connection.removeEventListener(events);
        connection.removeEventListener(toMoreListeners);
    }

    private void toMoreListeners(ManagerEvent event) {
        for (ManagerEventListener listener : moreListeners) {
            try {
                listener.onManagerEvent(event);
            } catch (RuntimeException e) {
                log.warn("An AMI event listener failed on {}", event.getClass().getSimpleName(), e); // the others hear it
            }
        }
    }

    private static void runQuietly(Runnable hook) {
        try {
            hook.run();
        } catch (RuntimeException e) {
            log.warn("A hook run after login failed", e);
        }
    }

    private void setState(State newState) {
        if (state != newState) {
            state = newState;
            stateSince = Instant.now();
        }
    }

    private void sleep(Duration delay) {
        if (stopping) {
            return;
        }
        log.debug("Next attempt to reach the PBX in {} ms", delay.toMillis());
        try {
            stopped.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stopping = true;
        stopped.countDown();
        lost.countDown();
        LockSupport.unpark(supervisor);
        try {
            supervisor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        PbxLink connection = current;
        if (connection != null) {
            release(connection);
        }
        setState(State.STOPPED);
    }
}
