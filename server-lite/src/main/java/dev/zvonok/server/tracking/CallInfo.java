package dev.zvonok.server.tracking;

import dev.zvonok.model.call.CallDirection;
import java.time.Instant;

/**
 * What is known of a call at one moment.
 *
 * @param callerNumber E.164 for public numbers, the extension for an operator's phone; null when withheld
 * @param dialedNumber the DID for trunk calls, the extension for internal calls, the number for outbound calls
 * @param queue        the Asterisk queue the call waited in, or null
 */
public record CallInfo(
        String callId, CallDirection direction, String callerNumber, String dialedNumber, String queue, Instant startAt) {
}
