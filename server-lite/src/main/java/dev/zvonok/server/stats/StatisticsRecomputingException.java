package dev.zvonok.server.stats;

import dev.zvonok.model.api.ApiError;
import dev.zvonok.server.api.ApiException;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * 503 {@code statistics-recomputing} with {@code Retry-After}: the kept rows are being recomputed for new settings
 * ({@link StatisticsRecompute}) since the moment said; set by {@link StatsRoutes}.
 */
final class StatisticsRecomputingException extends ApiException {

    /** When to ask again: a recompute takes minutes, a client asking every half minute sees its end soon enough. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    StatisticsRecomputingException(Instant since) {
        super(HttpStatus.SERVICE_UNAVAILABLE, ApiError.STATISTICS_RECOMPUTING, "the statistics are being recomputed after a change of their "
                + "settings (or an upgrade) since " + since + "; calls are recorded meanwhile and counted once it is "
                + "done: try again in a few minutes");
    }
}
