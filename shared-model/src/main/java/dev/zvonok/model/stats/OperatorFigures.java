package dev.zvonok.model.stats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One operator's parts in the calls of a period, every direction: each time their phone rang (or they picked a call
 * up), one part; and their time in the period from the work-status log.
 *
 * @param offers               their parts
 * @param answered             parts they answered (then perhaps transferred)
 * @param missed               parts that rang them and that nobody answered: {@code missed} only
 * @param answeredElsewhere    parts a colleague answered while theirs rang: nobody's fault
 * @param transfersIn          parts passed to them by a colleague
 * @param transfersOut         parts they passed on
 * @param talkSeconds          answer → end of their part, summed (the hold within included)
 * @param holdSeconds          of that, the caller on hold (Hold → Unhold), summed
 * @param wrapupSeconds        end → "Finish and close" (capped), summed over the parts whose wrap-up is known
 * @param avgTalkSeconds       talk ÷ answered; null when none
 * @param avgHoldSeconds       hold ÷ answered; null when none
 * @param avgWrapupSeconds     wrap-up ÷ parts whose wrap-up is known; null when none
 * @param loggedInSeconds      time with the app connected in the period (available and on break), from the
 *                             work-status log; a stretch still open counts up to now
 * @param breakSeconds         of that, on break
 * @param breakSecondsByReason the break time per reason code, reasons without time left out
 * @param occupancy            handle time ÷ (logged in − break), 0..1 or above (a call taken before logging in
 *                             counts too): (talk, hold included, + wrap-up) ÷ available time; null when the operator
 *                             was not available at all in the period
 */
public record OperatorFigures(long userId, String login, String name, long offers, long answered, long missed,
                              long answeredElsewhere, long transfersIn, long transfersOut, long talkSeconds,
                              long holdSeconds, long wrapupSeconds, Double avgTalkSeconds, Double avgHoldSeconds,
                              Double avgWrapupSeconds, long loggedInSeconds, long breakSeconds,
                              Map<String, Long> breakSecondsByReason, Double occupancy) {

    public OperatorFigures {
        breakSecondsByReason = Collections.unmodifiableMap(new LinkedHashMap<>(
                breakSecondsByReason == null ? Map.of() : breakSecondsByReason));
    }
}
