package dev.zvonok.server.stats;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How the call centre counts.
 *
 * @param zone                the call centre's time zone: its days and hours
 * @param dayStartsAt         when its day begins; 00:00 unless a 24-hour centre closes its day at, say, 06:00
 * @param serviceLevelSeconds a call answered within this many seconds counts toward the service level
 * @param shortAbandonSeconds a caller who hangs up within this many seconds is not held against the service level
 * @param wrapUpCap           wrap-up longer than this counts as this long (a card left open over lunch is not work)
 */
public record StatsSettings(ZoneId zone, LocalTime dayStartsAt, int serviceLevelSeconds, int shortAbandonSeconds,
                            Duration wrapUpCap) {

    public StatsSettings {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(dayStartsAt, "dayStartsAt");
        Objects.requireNonNull(wrapUpCap, "wrapUpCap");
        if (serviceLevelSeconds <= 0 || shortAbandonSeconds < 0 || wrapUpCap.isNegative() || wrapUpCap.isZero()) {
            throw new IllegalArgumentException("service level " + serviceLevelSeconds + " s, short abandon "
                    + shortAbandonSeconds + " s and wrap-up cap " + wrapUpCap + " must be positive");
        }
    }

    /** The industry's usual 20 s / 5 s, a calendar day, wrap-up capped at 30 minutes. */
    public static StatsSettings standard(ZoneId zone) {
        return new StatsSettings(zone, LocalTime.MIDNIGHT, 20, 5, Duration.ofMinutes(30));
    }
}
