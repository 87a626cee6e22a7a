package dev.zvonok.model.api;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /health} with an admin's token: what is down, and how each part stands.
 *
 * @param status           {@code up} or {@code degraded}, as {@link Health} says it
 * @param down             what is down: {@code database}, {@code pbx}; empty when up
 * @param database         whether the database answered its last check in time
 * @param connectedClients authenticated WebSocket clients
 */
public record HealthDetails(String status, List<String> down, boolean database, Pbx pbx, int connectedClients) {

    public HealthDetails {
        down = List.copyOf(down);
    }

    /** The AMI connection: {@code connected}, {@code connecting}, {@code disconnected}, {@code not-configured}. */
    public record Pbx(String state, String address, Instant since, String lastError) {
    }
}
