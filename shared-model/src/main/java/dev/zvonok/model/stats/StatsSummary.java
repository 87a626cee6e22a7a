package dev.zvonok.model.stats;

/**
 * {@code GET /api/stats/summary}: the figures of a period, over what the asking user may see (a supervisor their
 * teams, an admin everything).
 *
 * @param talkSeconds   the operators' talk over their answered parts (answer → end of their part; a transfer ends
 *                      one part and starts another, never counted twice), every direction; the hold within
 *                      included
 * @param holdSeconds   of that talk, the caller on hold (Hold → Unhold; a hold still running when the part ended
 *                      counts up to its end), known once the call has ended
 * @param wrapupSeconds their wrap-up (end → "Finish and close", capped), over the parts whose wrap-up is known
 * @param ahtSeconds    average handle time: (talk + wrap-up) ÷ answered parts whose wrap-up is known, where talk holds
 *                      the hold: the (talk + hold + wrap-up) with talk net of hold, hold counted once; null
 *                      when none
 * @param repeatCallers answered inbound calls whose number called again within 24 h
 */
public record StatsSummary(StatsPeriod period, InboundCounters inbound, DirectionCounters outbound,
                           DirectionCounters internal, long talkSeconds, long holdSeconds, long wrapupSeconds,
                           Double ahtSeconds,
                           CallbackCounters callbacks, RepeatCallers repeatCallers) {
}
