package dev.zvonok.server.workstatus;

import java.util.List;
import java.util.Locale;

/**
 * The reason codes a break may have, in the order the app offers them ({@code zvonok.work-status.break-reasons}).
 * Codes, not texts: the app translates the ones it knows and shows the others as they are.
 */
public record BreakReasons(List<String> codes) {

    /** A phone's queue pause without a reason, or with one not on the list, is logged as this when it is listed. */
    static final String OTHER = "other";

    public static final BreakReasons DEFAULT = new BreakReasons(List.of("lunch", "training", "meeting", OTHER));

    public BreakReasons {
        codes = codes.stream().map(code -> code.strip().toLowerCase(Locale.ROOT)).filter(code -> !code.isEmpty())
                .distinct().toList();
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("work-status.break-reasons: at least one break reason is needed");
        }
        for (String code : codes) {
            if (code.length() > 32) {
                throw new IllegalArgumentException("work-status.break-reasons: \"" + code + "\" is longer than 32");
            }
        }
    }

    public boolean contains(String code) {
        return code != null && codes.contains(code);
    }

    /** The listed code a PBX's pause reason stands for: itself when listed, else "other", else the first. */
    String closest(String pbxReason) {
        String code = pbxReason == null ? null : pbxReason.strip().toLowerCase(Locale.ROOT);
        if (contains(code)) {
            return code;
        }
        return codes.contains(OTHER) ? OTHER : codes.getFirst();
    }
}
