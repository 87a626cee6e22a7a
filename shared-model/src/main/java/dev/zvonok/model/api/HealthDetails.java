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
 * @param statistics       whether the statistics answer: a recompute is no failure of the server (calls are
 *                         followed and recorded meanwhile), so it is never in {@code down}
 */
public record HealthDetails(String status, List<String> down, boolean database, Pbx pbx, int connectedClients,
                            Statistics statistics) {

    public HealthDetails {
        down = List.copyOf(down);
    }

    /**
     * The statistics: {@code ready}, or {@code recomputing} for changed settings (or after an upgrade) since
     * {@code since}; their routes answer 503 {@link ApiError#STATISTICS_RECOMPUTING} until it is done.
     */
    public record Statistics(String state, Instant since) {

        public static final String READY = "ready";
        public static final String RECOMPUTING = "recomputing";
    }

    /**
     * The AMI connection: {@code connected}, {@code connecting}, {@code disconnected}, {@code not-configured}.
     *
     * @param since              when it entered that state
     * @param lastError          why the last attempt failed or the last connection was lost; null while all is well
     * @param asteriskVersion    the PBX's release as learnt at the last login ({@code 22.10.1}, or {@code 22} when the
     *                           manager account may not run CoreSettings); null before
     * @param missingPermissions what the manager.conf account lacks for a feature, as the PBX refused it, e.g.
     *                           {@code write: reporting (resync after reconnect)}; empty when nothing was refused
     */
    public record Pbx(String state, String address, Instant since, String lastError, String asteriskVersion,
                      List<String> missingPermissions) {

        public Pbx {
            missingPermissions = missingPermissions == null ? List.of() : List.copyOf(missingPermissions);
        }
    }
}
