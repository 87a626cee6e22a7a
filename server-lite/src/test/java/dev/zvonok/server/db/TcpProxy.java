package dev.zvonok.server.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder on localhost for the network's bad days, without touching the server behind it (a database, or
 * server-lite itself for the desktop app's tests, through server-lite's test-jar): {@link #cut()} resets every
 * connection and refuses new ones (a server restarting, a cable pulled), {@link #freeze()} keeps connections open but
 * lets no byte through (a laptop that slept, a NAT that forgot the connection), {@link #retarget} points it at a
 * server restarted on another port, so that clients still find it at the same address.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile InetSocketAddress target;
    private volatile boolean cut;
    private volatile boolean frozen;
    private volatile boolean upstreamFrozen;
    private volatile boolean closed;

    public TcpProxy(String targetHost, int targetPort) throws IOException {
        this.target = new InetSocketAddress(targetHost, targetPort);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("tcp-proxy-accept-" + port()).start(this::acceptLoop);
    }

    /** To a server on this machine. */
    public TcpProxy(int targetPort) throws IOException {
        this(InetAddress.getLoopbackAddress().getHostAddress(), targetPort);
    }

    public int port() {
        return listener.getLocalPort();
    }

    public String host() {
        return listener.getInetAddress().getHostAddress();
    }

    /** Resets every connection through the proxy and refuses new ones until {@link #restore()}. */
    public void cut() {
        cut = true;
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    public void restore() {
        cut = false;
    }

    public boolean isCut() {
        return cut;
    }

    /** Lets nothing through, in either direction, without closing anything, until {@link #thaw()}. */
    public void freeze() {
        frozen = true;
    }

    /**
     * Lets nothing from the clients through, while what the server sends still arrives, until {@link #thaw()}: a
     * connection whose way back died (the client reads the server's word; its answer is lost).
     */
    public void freezeUpstream() {
        upstreamFrozen = true;
    }

    public void thaw() {
        frozen = false;
        upstreamFrozen = false;
    }

    /** New connections go to {@code port} on the same host from now on. */
    public void retarget(int port) {
        target = new InetSocketAddress(target.getHostString(), port);
    }

    public int openConnections() {
        return open.size() / 2;
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        cut();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            if (cut) {
                closeQuietly(client);
                continue;
            }
            try {
                Socket server = new Socket();
                server.connect(target, 2_000);
                open.add(client);
                open.add(server);
                Thread.ofVirtual().start(() -> pump(client, server, true));
                Thread.ofVirtual().start(() -> pump(server, client, false));
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    private void pump(Socket from, Socket to, boolean upstream) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                while ((frozen || upstream && upstreamFrozen) && !from.isClosed() && !to.isClosed()) {
                    Thread.sleep(20);
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // one side went away: so does the other
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing anyway
        }
    }
}
