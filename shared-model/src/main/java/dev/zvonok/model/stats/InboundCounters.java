package dev.zvonok.model.stats;

/**
 * The inbound block of a statistics summary over a period (today, for the board). Every figure is over the inbound
 * calls (from outside) that started during the period; the definitions live once, in the server's statistics, so the
 * board and the reports never disagree.
 *
 * <p>The dispositions do not always add up to {@code total}: a call whose end the server did not observe (a cut link
 * to the PBX) counts in {@code total} only, never as an outcome somebody guessed.
 *
 * @param total                        inbound calls
 * @param answered                     calls an operator talked on
 * @param missed                       calls that rang operators and that nobody answered
 * @param abandoned                    calls whose caller hung up before anybody answered (ringing or queued)
 * @param busy                         calls that found every phone tried busy, or were rejected
 * @param failed                       calls that reached no phone (no route, congestion, unavailable device)
 * @param acceptanceRate               answered ÷ total, 0..1; null when there was no call
 * @param abandonRate                  abandoned ÷ total, 0..1; null when there was no call
 * @param asaSeconds                   average speed of answer: the mean of answer − start over answered calls, queue
 *                                     and IVR wait included; null when none was answered
 * @param ahtSeconds                   average handle time: the mean of talk (answer → end of the operator's part,
 *                                     hold included) plus wrap-up (end → "Finish and close", capped) over the answered
 *                                     parts whose wrap-up is known; null when none
 * @param serviceLevel                 calls answered within the threshold ÷ (total − calls abandoned within the
 *                                     short-abandon time), 0..1; null when that is no call
 * @param serviceLevelThresholdSeconds the threshold of {@code serviceLevel}
 * @param longestWaitSeconds           the longest a caller waited before being answered or giving up (answered,
 *                                     missed and abandoned calls); 0 when none
 */
public record InboundCounters(long total, long answered, long missed, long abandoned, long busy, long failed,
                              Double acceptanceRate, Double abandonRate, Double asaSeconds, Double ahtSeconds,
                              Double serviceLevel, int serviceLevelThresholdSeconds, long longestWaitSeconds) {

    /** The counters of a period without a call. */
    public static InboundCounters none(int serviceLevelThresholdSeconds) {
        return new InboundCounters(0, 0, 0, 0, 0, 0, null, null, null, null, null, serviceLevelThresholdSeconds, 0);
    }
}
