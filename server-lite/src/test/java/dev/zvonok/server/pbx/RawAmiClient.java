package dev.zvonok.server.pbx;

import dev.zvonok.server.amiwire.AmiMessage;
import dev.zvonok.server.amiwire.AmiMessageReader;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A bare socket client for checking the exact bytes the endpoint sends, and for misbehaving on purpose. */
final class RawAmiClient implements AutoCloseable {

    private final Socket socket;
    private final AmiMessageReader reader;
    private final OutputStream out;
    private final String banner;

    RawAmiClient(int port) throws IOException {
        this(port, 0);
    }

    /** {@code receiveBuffer} > 0 shrinks the socket's receive buffer, to make a slow client slow quickly. */
    RawAmiClient(int port, int receiveBuffer) throws IOException {
        socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
        socket.setSoTimeout(5000);
        reader = new AmiMessageReader(socket.getInputStream());
        out = socket.getOutputStream();
        banner = reader.readLine();
    }

    String banner() {
        return banner;
    }

    /** Sends an action given as key/value pairs, in wire form. */
    void send(String... keyValuePairs) throws IOException {
        sendRaw(AmiMessage.of(keyValuePairs).toWire());
    }

    void sendRaw(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The next message, or null when the endpoint closed the connection. */
    AmiMessage read() throws IOException {
        return reader.read();
    }

    /** Sends and returns the next message. */
    AmiMessage ask(String... keyValuePairs) throws IOException {
        send(keyValuePairs);
        return read();
    }

    /** True when the endpoint closed the connection (end of stream or reset) before the timeout. */
    boolean closedByPeer() throws IOException {
        try {
            while (true) {
                if (read() == null) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // connection reset
        }
    }

    AmiMessage login(AmiAccount account) throws IOException {
        return ask("Action", "Login", "ActionID", "login-1", "Username", account.username(),
                "Secret", account.secret());
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
