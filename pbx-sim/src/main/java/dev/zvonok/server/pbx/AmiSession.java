package dev.zvonok.server.pbx;

import dev.zvonok.server.amiwire.AmiMessage;
import dev.zvonok.server.amiwire.AmiMessageReader;
import dev.zvonok.server.amiwire.MalformedAmiMessageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One client connection: a reader thread that answers its actions in order, a writer that sends everything queued
 * for it, and what Asterisk keeps per session (account once logged in, challenge, event mask).
 *
 * <p>Whatever the client does, only this connection suffers: bad input closes it, and so does falling behind.
 */
final class AmiSession {

    private static final Logger log = LoggerFactory.getLogger(AmiSession.class);

    private final long id;
    private final Socket socket;
    private final AmiEndpoint endpoint;
    private final ActionDispatcher dispatcher;
    private final OutboundWriter writer;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final String peer;
    private volatile AmiAccount account;
    private volatile int eventMask = EventClass.ALL;
    /** Set by Logoff or a failed login: read no further actions, the writer closes once the answer is out. */
    private volatile boolean ending;
    private Thread writerThread;
    private String challenge;

    AmiSession(long id, Socket socket, AmiEndpoint endpoint, ActionDispatcher dispatcher, int queueCapacity,
               long writeTimeoutNanos, SlowClientPolicy slowClientPolicy) throws IOException {
        this.id = id;
        this.socket = socket;
        this.endpoint = endpoint;
        this.dispatcher = dispatcher;
        this.peer = socket.getRemoteSocketAddress().toString();
        this.writer = new OutboundWriter(new BufferedOutputStream(socket.getOutputStream(), 64 * 1024),
                queueCapacity, writeTimeoutNanos, slowClientPolicy, () -> close("connection ended"));
    }

    void start(String banner) {
        writer.offer((banner + AmiMessage.CRLF).getBytes(StandardCharsets.UTF_8));
        writerThread = Thread.ofVirtual().name("ami-session-" + id + "-writer").start(writer);
        Thread.ofVirtual().name("ami-session-" + id + "-reader").start(this::readLoop);
    }

    long id() {
        return id;
    }

    AmiAccount account() {
        return account;
    }

    boolean isLoggedIn() {
        return account != null;
    }

    void loggedIn(AmiAccount loggedInAccount) {
        this.account = loggedInAccount;
    }

    int eventMask() {
        return eventMask;
    }

    void eventMask(int mask) {
        this.eventMask = mask;
    }

    /** The MD5 challenge of this session; Asterisk keeps handing out the same one until login. */
    String challenge() {
        return challenge;
    }

    void challenge(String newChallenge) {
        this.challenge = newChallenge;
    }

    /** Whether a published event of these classes goes to this client now. */
    boolean wantsEvent(int eventClasses) {
        AmiAccount current = account;
        return current != null && !ending && current.mayRead(eventClasses) && (eventMask & eventClasses) != 0;
    }

    /** Queues a response or event for this client, already encoded. */
    void send(byte[] wire) {
        if (closed.get()) {
            return;
        }
        if (!writer.offer(wire)) {
            log.warn("AMI client {} ({}) cannot keep up ({} messages queued); disconnecting it, as Asterisk does"
                    + " after writetimeout", id, describe(), writer.queued());
            close("too slow");
        }
    }

    void send(AmiMessage message) {
        send(message.toWire().getBytes(StandardCharsets.UTF_8));
    }

    /** Queues a whole answer (a list and its items) in one go, so nothing else gets between its messages. */
    void send(List<AmiMessage> messages) {
        StringBuilder wire = new StringBuilder(512 * messages.size());
        messages.forEach(message -> wire.append(message.toWire()));
        send(wire.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Sends what is queued, then closes: how Logoff and a failed login end. */
    void closeAfterFlush() {
        ending = true;
        if (!writer.closeAfterFlush()) {
            close("queue full at close");
        }
    }

    /** Closes at once, without flushing: the connection simply drops. */
    void close(String reason) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("Closing AMI client {} socket failed", id, e);
        }
        if (writerThread != null) {
            writerThread.interrupt();
        }
        endpoint.sessionClosed(this);
        log.info("AMI client {} ({}) disconnected: {}", id, describe(), reason);
    }

    boolean isClosed() {
        return closed.get();
    }

    String describe() {
        AmiAccount current = account;
        return current == null ? peer : current.username() + "@" + peer;
    }

    private void readLoop() {
        try {
            AmiMessageReader reader = new AmiMessageReader(socket.getInputStream());
            while (!ending && !closed.get()) {
                AmiMessage action = reader.read();
                if (action == null) {
                    close("client closed the connection");
                    return;
                }
                dispatcher.dispatch(this, action);
            }
        } catch (MalformedAmiMessageException e) {
            // The message quotes the client's bytes: keep control characters out of our log.
            log.warn("AMI client {} ({}) sent malformed input ({}); closing the connection", id, describe(),
                    e.getMessage().replaceAll("\\p{Cntrl}", "?"));
            close("malformed input");
        } catch (IOException e) {
            close(closed.get() ? "closed" : "read failed: " + e.getMessage());
        } catch (RuntimeException e) {
            log.error("AMI client {} ({}): unexpected failure; closing the connection", id, describe(), e);
            close("internal error");
        }
    }
}
