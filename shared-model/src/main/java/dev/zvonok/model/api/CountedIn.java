package dev.zvonok.model.api;

import dev.zvonok.model.stats.StatsQuery;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which statistics counted the calls a drill-down lists: {@code GET /api/calls?countedIn=summary&stats.dateFrom=...}
 * lists only the calls those statistics, asked with the {@code stats.}-prefixed parameters (the {@link StatsQuery}
 * ones: period and filters, {@code stats.operatorId} and {@code stats.team} as often as chosen), count for the asking
 * user — by their rules (a supervisor's teams, the calls that have ended...) — narrowed further by the journal's own
 * period, outcome and filters (a chart's stretch, a tile's outcome). So a figure's journal lists exactly its calls.
 */
public enum CountedIn {
    /** The summary's tiles, the timeline and the lines: inbound calls that ended, outbound and internal ones. */
    SUMMARY,
    /** The operators' table and bars: calls with a part of one of the operators counted. */
    OPERATORS,
    /**
     * The summary's talk, hold, wrap-up and handle time: calls with a part one of the operators counted answered
     * (every direction, as those figures are summed over the operators' answered parts).
     */
    WORK;

    /** The journal's parameter naming the statistics. */
    public static final String PARAMETER = "countedIn";
    /** What the statistics' own parameters are prefixed with on the journal. */
    public static final String PREFIX = "stats.";
    /** The statistics' parameters the journal takes, prefixed. */
    public static final Set<String> STATS_PARAMETERS = Stream.of(StatsQuery.DATE_FROM, StatsQuery.DATE_TO,
                    StatsQuery.OPERATOR_ID, StatsQuery.TEAM, StatsQuery.LINE, StatsQuery.QUEUE, StatsQuery.DIRECTION)
            .map(name -> PREFIX + name).collect(Collectors.toUnmodifiableSet());

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every wire name, for a message: {@code summary, operators or work}. */
    public static String names() {
        List<String> names = Stream.of(values()).map(CountedIn::wireName).toList();
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
    }

    /** The statistics of this wire name; null when there are none so named. */
    public static CountedIn parse(String wireName) {
        return Stream.of(values()).filter(c -> c.wireName().equalsIgnoreCase(wireName)).findFirst().orElse(null);
    }
}
