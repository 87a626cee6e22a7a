package dev.zvonok.server.config;

import java.time.ZoneId;

/**
 * Where the HTTP/WebSocket server listens, and the call centre's time zone (for days in history filters).
 *
 * @param port 0 = any free port
 */
public record HttpSettings(String host, int port, ZoneId timeZone) {

    public HttpSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("HTTP port out of range: " + port);
        }
    }

    public HttpSettings withPort(int newPort) {
        return new HttpSettings(host, newPort, timeZone);
    }
}
