package dev.zvonok.app.server;

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
 * A TCP relay on localhost between the app and the server, for the network's bad days: {@link #cut()} resets every
 * connection and refuses new ones (a server restart or a cable pulled), {@link #freeze()} keeps connections open but
 * lets no byte through (a laptop that slept, a NAT that forgot the connection), {@link #retarget} points it at a
 * server restarted on another port, so the app still finds it at the same address.
 */
public final class RelayProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile int targetPort;
    private volatile boolean cut;
    private volatile boolean frozen;
    private volatile boolean closed;

    public RelayProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("relay-accept-" + port()).start(this::acceptLoop);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Resets every connection, refuses new ones until {@link #restore()}. */
    public void cut() {
        cut = true;
        open.forEach(RelayProxy::closeQuietly);
        open.clear();
    }

    public void restore() {
        cut = false;
    }

    /** Lets nothing through, in either direction, without closing anything. */
    public void freeze() {
        frozen = true;
    }

    public void thaw() {
        frozen = false;
    }

    /** New connections go to {@code port} from now on. */
    public void retarget(int port) {
        targetPort = port;
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
                server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 2000);
                open.add(client);
                open.add(server);
                Thread.ofVirtual().start(() -> pump(client, server));
                Thread.ofVirtual().start(() -> pump(server, client));
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                while (frozen && !from.isClosed() && !to.isClosed()) {
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
