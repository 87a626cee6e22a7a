package dev.zvonok.app.stats;

import dev.zvonok.model.api.CountedIn;
import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.stats.InboundCounters;
import dev.zvonok.model.stats.StatsSummary;
import java.util.Locale;

/**
 * The tiles of the Statistics view: each a figure of the summary, and the calls behind it in the journal. Their
 * definitions (the tooltips) are the server's: {@code kpi.<name>.tooltip} in the bundle.
 */
public enum Kpi {
    INBOUND,
    ANSWERED,
    MISSED,
    ABANDONED,
    ACCEPTANCE_RATE,
    ASA,
    SERVICE_LEVEL,
    HOLD,
    AHT,
    CALLBACKS_PENDING;

    /** The figure as the tile shows it; a dash before anything was loaded. */
    public String value(StatsSummary summary, Locale locale) {
        if (summary == null) {
            return StatsFormat.NONE;
        }
        InboundCounters in = summary.inbound();
        return switch (this) {
            case INBOUND -> StatsFormat.count(in.total(), locale);
            case ANSWERED -> StatsFormat.count(in.answered(), locale);
            case MISSED -> StatsFormat.count(in.missed(), locale);
            case ABANDONED -> StatsFormat.count(in.abandoned(), locale);
            case ACCEPTANCE_RATE -> StatsFormat.percent(in.acceptanceRate(), locale);
            case ASA -> StatsFormat.duration(in.asaSeconds());
            case SERVICE_LEVEL -> StatsFormat.percent(in.serviceLevel(), locale);
            case HOLD -> StatsFormat.duration(summary.holdSeconds());
            case AHT -> StatsFormat.duration(summary.ahtSeconds());
            case CALLBACKS_PENDING -> summary.callbacks() == null ? StatsFormat.NONE
                    : StatsFormat.count(summary.callbacks().pending(), locale);
        };
    }

    /**
     * The calls the figure counts: inbound calls of the period, of the tile's outcome; for hold and handle time, the
     * calls with a part the operators answered, in any direction (those figures are sums over such parts). Null for the
     * call-backs tile, whose calls (missed or abandoned, not reached since) are the call-back list, not one filter of
     * the journal.
     */
    public JournalQuery drillDown(StatsRequest stats) {
        JournalQuery inbound = JournalQuery.of(stats).direction(CallDirection.INBOUND);
        return switch (this) {
            case INBOUND, ACCEPTANCE_RATE, SERVICE_LEVEL -> inbound;
            case ANSWERED, ASA -> inbound.status(CallDisposition.ANSWERED);
            case HOLD, AHT -> JournalQuery.of(stats).countedBy(CountedIn.WORK);
            case MISSED -> inbound.status(CallDisposition.MISSED);
            case ABANDONED -> inbound.status(CallDisposition.ABANDONED);
            case CALLBACKS_PENDING -> null;
        };
    }

    /** {@code kpi.acceptanceRate} and its {@code .tooltip}. */
    public String key() {
        String[] words = name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder key = new StringBuilder("kpi.").append(words[0]);
        for (int i = 1; i < words.length; i++) {
            key.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return key.toString();
    }
}
