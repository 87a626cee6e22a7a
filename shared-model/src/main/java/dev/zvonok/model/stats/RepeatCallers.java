package dev.zvonok.model.stats;

/**
 * Repeat callers, the usual stand-in for first-call resolution: of the answered inbound calls of a period from a known
 * number, those whose number called in again (any inbound call, any line) within 24 hours of their start.
 *
 * @param answered   answered inbound calls from a known number
 * @param calledAgain of those, the ones followed by another inbound call from the number within 24 h
 * @param share      calledAgain ÷ answered, 0..1; null when none was answered
 */
public record RepeatCallers(long answered, long calledAgain, Double share) {
}
