package dev.zvonok.server.ami;

import java.io.IOException;
import java.net.InetAddress;
import org.asteriskjava.AsteriskVersion;
import org.asteriskjava.lock.Locker.LockCloser;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.CoreSettingsAction;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.internal.ManagerConnectionWithoutLegacyEvents;
import org.asteriskjava.manager.response.CoreSettingsResponse;
import org.asteriskjava.manager.response.ManagerResponse;
import org.asteriskjava.util.SocketConnectionFacade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One login to the PBX: asterisk-java's connection as server-lite needs it, made by {@link AmiConnection} for each
 * (re)connect.
 *
 * <ul>
 *   <li>Without the library's legacy-event layer, so that a malformed bridge event cannot end the connection (see
 *       {@link ManagerConnectionWithoutLegacyEvents}).</li>
 *   <li>It notes when it last heard from the PBX (the end of any message: event, response, list item), on the
 *       library's reader thread as the bytes arrive, so that a link gone silent is told from a busy one without
 *       waiting behind the event queue.</li>
 *   <li>Every line read is fitted to what the product carries ({@link AmiValueBounds}) before the library parses
 *       it.</li>
 *   <li>It tells which Asterisk it logged in to without the library's slow guessing ({@link #determineVersion()}).</li>
 *   <li>{@link #abandon()} lets go of a link that no longer answers without the {@code Logoff} the library would
 *       send first and wait for.</li>
 * </ul>
 */
final class PbxLink extends ManagerConnectionWithoutLegacyEvents {

    private static final Logger log = LoggerFactory.getLogger(PbxLink.class);

    private volatile long lastHeardNanos = System.nanoTime();
    private volatile PbxVersion version = new PbxVersion(null, null);

    private final Runnable whenClosed;
    private final AmiValueBounds bounds;

    /**
     * @param whenClosed told on the library's thread when its reader ends: the socket closed or failed
     * @param bounds     fits every value read to what the product carries, before the library sees it
     */
    PbxLink(AmiSettings settings, AmiValueBounds bounds, Runnable whenClosed) {
        this.whenClosed = whenClosed;
        this.bounds = bounds;
        setHostname(settings.host());
        setPort(settings.port());
        setUsername(settings.username());
        setPassword(settings.secret());
    }

    /** {@link System#nanoTime()} when the last complete message arrived. */
    long lastHeardNanos() {
        return lastHeardNanos;
    }

    /** Which Asterisk answered the login; known once logged in. */
    PbxVersion pbxVersion() {
        return version;
    }

    /**
     * Asks {@code CoreSettings} once and otherwise reads the release from the banner ({@link PbxVersion}), instead
     * of the library's four rounds of {@code CoreSettings} and {@code core show version} half a second apart, which
     * end in "assuming Asterisk 16" for an account without {@code reporting}/{@code system} and {@code command}.
     */
    @Override
    protected AsteriskVersion determineVersion() throws IOException {
        String banner = getProtocolIdentifier();
        PbxVersion found;
        try {
            ManagerResponse settings = sendAction(new CoreSettingsAction());
            if (settings instanceof CoreSettingsResponse core && core.getAsteriskVersion() != null) {
                found = PbxVersion.fromCoreSettings(core.getAsteriskVersion(), banner);
            } else {
                found = PbxVersion.fromBanner(banner);
                log.info("The PBX refused CoreSettings ({}); telling its release by the banner '{}': {}",
                        settings == null ? "no answer" : settings.getMessage(), banner, found);
            }
        } catch (TimeoutException e) {
            found = PbxVersion.fromBanner(banner);
            log.info("No answer to CoreSettings; telling the PBX's release by the banner '{}': {}", banner, found);
        }
        if (!found.isKnown()) {
            log.warn("Cannot tell which Asterisk the PBX at {}:{} is (banner '{}'); going on as {}", getHostname(),
                    getPort(), banner, found.forLibrary());
        }
        version = found;
        return found.forLibrary();
    }

    /**
     * Closes the socket at once and leaves the library nothing to reconnect: its own reconnect loop runs only while
     * its state is RECONNECTING, and a reader that ends now finds the connection no longer CONNECTED.
     */
    void abandon() {
        try (LockCloser closer = withLock()) {
            state = ManagerConnectionState.DISCONNECTED;
            disconnect();
        }
    }

    /**
     * Hears of the end of the reader in any state: the library forwards its DisconnectEvent to listeners only while
     * CONNECTED, so a connection that closes during the login (between the answer to Login and the end of the version
     * check) would otherwise pass for logged in.
     */
    @Override
    public void dispatchEvent(ManagerEvent event, Integer requiredHandlingTime) {
        if (event instanceof DisconnectEvent) {
            whenClosed.run();
        }
        super.dispatchEvent(event, requiredHandlingTime);
    }

    @Override
    protected SocketConnectionFacade createSocket() throws IOException {
        return new Listening(super.createSocket());
    }

    /** The library's socket, noting the time of every message's end (the empty line after it), fitting the rest. */
    private final class Listening implements SocketConnectionFacade {

        private final SocketConnectionFacade socket;

        Listening(SocketConnectionFacade socket) {
            this.socket = socket;
        }

        @Override
        public String readLine() throws IOException {
            String line = socket.readLine();
            if (line != null && line.isEmpty()) {
                lastHeardNanos = System.nanoTime(); // once per message: ~25 ns against the library's ~12 µs
                return line;
            }
            return bounds.fitLine(line);
        }

        @Override
        public void write(String s) throws IOException {
            socket.write(s);
        }

        @Override
        public void flush() throws IOException {
            socket.flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }

        @Override
        public boolean isConnected() {
            return socket.isConnected();
        }

        @Override
        public InetAddress getLocalAddress() {
            return socket.getLocalAddress();
        }

        @Override
        public int getLocalPort() {
            return socket.getLocalPort();
        }

        @Override
        public InetAddress getRemoteAddress() {
            return socket.getRemoteAddress();
        }

        @Override
        public int getRemotePort() {
            return socket.getRemotePort();
        }
    }
}
