package dev.zvonok.server.pbx;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.Consumer;

/**
 * The listening socket. It can be closed and opened again on the same port, so that a test can make the PBX
 * "go away": while closed, connection attempts are refused, just as when Asterisk is down.
 */
final class ConnectionAcceptor {

    private static final Logger log = LoggerFactory.getLogger(ConnectionAcceptor.class);

    private final InetAddress bindAddress;
    private final Consumer<Socket> onConnection;
    private int port;
    private ServerSocket serverSocket;

    ConnectionAcceptor(InetAddress bindAddress, int port, Consumer<Socket> onConnection) {
        this.bindAddress = bindAddress;
        this.port = port;
        this.onConnection = onConnection;
    }

    /** Binds (the first time to the configured port, then to the port it got) and accepts on a new thread. */
    synchronized void open() {
        if (serverSocket != null) {
            return;
        }
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true); // reopening right after a close must not trip over TIME_WAIT
            socket.bind(new InetSocketAddress(bindAddress, port), 128);
            port = socket.getLocalPort();
            serverSocket = socket;
            Thread.ofPlatform().daemon().name("ami-endpoint-accept-" + port).start(() -> acceptLoop(socket));
            log.info("AMI endpoint listening on {}:{}", bindAddress.getHostAddress(), port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + bindAddress.getHostAddress() + ":" + port, e);
        }
    }

    /** Stops listening; new connection attempts are refused until {@link #open()}. Open connections stay. */
    synchronized void close() {
        if (serverSocket == null) {
            return;
        }
        try {
            serverSocket.close();
        } catch (IOException e) {
            log.debug("Closing the listening socket failed", e);
        }
        serverSocket = null;
        log.info("AMI endpoint stopped listening on port {}", port);
    }

    synchronized boolean isOpen() {
        return serverSocket != null;
    }

    synchronized int port() {
        return port;
    }

    private void acceptLoop(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket accepted = socket.accept();
                if (socket.isClosed()) {
                    // close() came while this thread sat in accept(): the kernel keeps listening until the thread is
                    // woken, and a client that connected in those few ms must be refused, as close() promised
                    accepted.close();
                    continue;
                }
                onConnection.accept(accepted);
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    log.warn("Accepting an AMI connection failed", e);
                }
            } catch (RuntimeException e) {
                log.error("Setting up an AMI connection failed", e);
            }
        }
    }
}
