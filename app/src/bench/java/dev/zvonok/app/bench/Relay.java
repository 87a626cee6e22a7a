package dev.zvonok.app.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A TCP relay between the app and server-lite on the loopback, which notes the moment a server frame carrying a
 * chosen marker (e.g. {@code "type":"incoming-call"}) is handed on to the app's socket: where the card-latency clock
 * starts — the real WebSocket frame, arriving at the app. The server does not compress frames (no permessage-deflate
 * is offered by the app's Tyrus client), so a frame's JSON is plain in the stream. Adds one loopback hop (tens of
 * µs) before the clock starts, none after.
 */
final class Relay implements AutoCloseable {

    /** Told, on the relay's thread, right after the marked bytes were written to the app. */
    interface Listener {
        void seen(String marker, long writtenAtNanos);
    }

    private final ServerSocket listening;
    private final int target;
    private final List<String> markers;
    private final Listener listener;

    private Relay(ServerSocket listening, int target, List<String> markers, Listener listener) {
        this.listening = listening;
        this.target = target;
        this.markers = markers;
        this.listener = listener;
    }

    static Relay start(int targetPort, List<String> markers, Listener listener) throws IOException {
        Relay relay = new Relay(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), targetPort,
                List.copyOf(markers), listener);
        Thread.ofPlatform().daemon().name("relay-accept").start(relay::accept);
        return relay;
    }

    int port() {
        return listening.getLocalPort();
    }

    private void accept() {
        while (!listening.isClosed()) {
            try {
                Socket app = listening.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                app.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                Thread.ofPlatform().daemon().name("relay-up").start(() -> pump(app, server, false));
                Thread.ofPlatform().daemon().name("relay-down").start(() -> pump(server, app, true));
            } catch (IOException e) {
                if (!listening.isClosed()) {
                    System.err.println("relay: " + e);
                }
            }
        }
    }

    private void pump(Socket from, Socket to, boolean watch) {
        byte[] buffer = new byte[64 * 1024];
        // the end of the previous read, so that a marker split between two reads is still seen
        String tail = "";
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
                long written = System.nanoTime();
                if (watch) {
                    String text = tail + new String(buffer, 0, read, StandardCharsets.ISO_8859_1);
                    for (String marker : markers) {
                        int at = text.indexOf(marker);
                        while (at >= 0) {
                            listener.seen(marker, written);
                            at = text.indexOf(marker, at + marker.length());
                        }
                    }
                    tail = text.substring(Math.max(0, text.length() - 64));
                    // a marker already reported must not be found again in the tail
                    for (String marker : markers) {
                        tail = tail.replace(marker, "");
                    }
                }
            }
        } catch (IOException closed) {
            // either side went away: so does the other
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        listening.close();
    }
}
