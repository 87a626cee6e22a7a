package dev.zvonok.app.stats;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** How the statistics write their figures: the same in the tiles, the charts' tooltips and the table. */
public final class StatsFormat {

    /** A figure that cannot be worked out (no call to divide by): a dash, never a made-up zero. */
    public static final String NONE = "—";

    private StatsFormat() {
    }

    /** 0.873 → "87 %" (English) or "87 %" (Russian, with a no-break space); null → a dash. */
    public static String percent(Double share, Locale locale) {
        if (share == null) {
            return NONE;
        }
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMaximumFractionDigits(0);
        return format.format(share);
    }

    /** Seconds as m:ss, or h:mm:ss from an hour; null → a dash. */
    public static String duration(Double seconds) {
        if (seconds == null) {
            return NONE;
        }
        return duration(Math.round(seconds));
    }

    public static String duration(long seconds) {
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
    }

    /**
     * The break time by reason, longest first, the reasons in words ({@code reasonName}): "lunch 1:00:00, training
     * 15:00"; reasons without time left out; empty when there was no break.
     */
    public static String breaks(Map<String, Long> secondsByReason, Function<String, String> reasonName) {
        return secondsByReason.entrySet().stream()
                .filter(reason -> reason.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(reason -> reasonName.apply(reason.getKey()) + " " + duration(reason.getValue()))
                .collect(Collectors.joining(", "));
    }

    public static String count(long count, Locale locale) {
        return NumberFormat.getIntegerInstance(locale).format(count);
    }
}
