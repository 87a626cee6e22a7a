package dev.zvonok.model.api;

/**
 * {@code GET /health} for anyone: {@code up} (200) or {@code degraded} (503), and nothing else, for load balancers
 * and monitors. An admin's token gets {@link HealthDetails}.
 */
public record Health(String status) {

    public static final String UP = "up";
    public static final String DEGRADED = "degraded";
}
