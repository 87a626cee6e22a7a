package dev.zvonok.server.api;

import io.javalin.config.RoutesConfig;

/** One feature's HTTP and WebSocket endpoints, added when the server is built. */
@FunctionalInterface
public interface Routes {

    void addTo(RoutesConfig routes);
}
