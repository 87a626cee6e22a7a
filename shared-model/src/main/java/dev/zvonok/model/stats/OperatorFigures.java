package dev.zvonok.model.stats;

/**
 * One operator's parts in the calls of a period, every direction: each time their phone rang (or they picked a call
 * up), one part.
 *
 * @param offers            their parts
 * @param answered          parts they answered (then perhaps transferred)
 * @param missed            parts that rang them and that nobody answered: {@code missed} only
 * @param answeredElsewhere parts a colleague answered while theirs rang: nobody's fault
 * @param transfersIn       parts passed to them by a colleague
 * @param transfersOut      parts they passed on
 * @param talkSeconds       answer → end of their part, summed
 * @param wrapupSeconds     end → "Finish and close" (capped), summed over the parts whose wrap-up is known
 * @param avgTalkSeconds    talk ÷ answered; null when none
 * @param avgWrapupSeconds  wrap-up ÷ parts whose wrap-up is known; null when none
 */
public record OperatorFigures(long userId, String login, String name, long offers, long answered, long missed,
                              long answeredElsewhere, long transfersIn, long transfersOut, long talkSeconds,
                              long wrapupSeconds, Double avgTalkSeconds, Double avgWrapupSeconds) {
}
