package dev.zvonok.model.stats;

/**
 * The inbound block of a statistics summary over a period (today, for the board). Every figure is over inbound calls
 * that came in during the period.
 *
 * @param total              inbound calls
 * @param answered           calls an operator talked on
 * @param missed             calls that rang an operator and were never answered (no operator took them)
 * @param abandoned          calls the caller hung up before anyone answered, while waiting in a queue or ringing
 * @param busy               calls that found every operator busy
 * @param failed             calls that ended with no ring at all for another reason (congestion, no route)
 * @param acceptanceRate     answered / total, 0..1; null when there was no call
 * @param asaSeconds         average speed of answer over answered calls; null when none was answered
 * @param ahtSeconds         average handle time (talk, from answer to hang-up) over answered calls; null when none
 * @param serviceLevel       the share of calls answered within the service-level threshold, 0..1; null when no call
 * @param serviceLevelSeconds the threshold of {@code serviceLevel}
 * @param longestWaitSeconds the longest a caller waited before being answered or giving up; 0 when no call
 */
public record InboundCounters(long total, long answered, long missed, long abandoned, long busy, long failed,
                              Double acceptanceRate, Double asaSeconds, Double ahtSeconds, Double serviceLevel,
                              int serviceLevelSeconds, long longestWaitSeconds) {

    public static InboundCounters none(int serviceLevelSeconds) {
        return new InboundCounters(0, 0, 0, 0, 0, 0, null, null, null, null, serviceLevelSeconds, 0);
    }
}
