package dev.zvonok.model.api;

/** The body of every 4xx/5xx answer of the REST API. */
public record ApiError(String code, String message) {

    /**
     * 503 of the statistics routes ({@code /api/stats/…}) while the server recomputes the statistics for changed
     * settings, with {@code Retry-After}: not a failure, the figures come back by themselves.
     */
    public static final String STATISTICS_RECOMPUTING = "statistics-recomputing";
}
