package dev.zvonok.model.api;

import java.time.Instant;

/** {@code GET /health}: 200 when everything is up, 503 with the same body when something is not. */
public record Health(String status, boolean database, Pbx pbx, int connectedClients) {

    /** The AMI connection: {@code connected}, {@code connecting}, {@code disconnected}. */
    public record Pbx(String state, String address, Instant since, String lastError) {
    }
}
