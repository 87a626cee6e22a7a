package dev.zvonok.server.ami;

import dev.zvonok.model.ws.DialFailure;

/**
 * What became of an asynchronous {@code Originate}: the rung phone answered, or why not — as the PBX reported it in
 * {@code OriginateResponse}, or {@link DialFailure#UNKNOWN} when it never did.
 *
 * @param failure null when the phone answered
 */
public record OriginateOutcome(DialFailure failure) {

    public static final OriginateOutcome ANSWERED = new OriginateOutcome(null);

    /** The PBX did not say (the link was lost, or no word in time): not a failure, not a success. */
    public static final OriginateOutcome UNKNOWN = new OriginateOutcome(DialFailure.UNKNOWN);

    /** Asterisk's {@code Response} and {@code Reason} (the control frame that ended the dialling). */
    static OriginateOutcome of(String response, Integer reason) {
        return "Success".equalsIgnoreCase(response) ? ANSWERED : new OriginateOutcome(DialFailure.ofReason(reason));
    }

    public boolean connected() {
        return failure == null;
    }

    /** In one word: {@code answered}, or the failure's wire name ({@code busy}, {@code unknown}...). */
    public String reason() {
        return failure == null ? "answered" : failure.wireName();
    }
}
