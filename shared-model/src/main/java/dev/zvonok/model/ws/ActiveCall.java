package dev.zvonok.model.ws;

import dev.zvonok.model.call.CallDisposition;
import dev.zvonok.model.call.CallNotes;
import java.time.Instant;

/**
 * A card to restore after (re)connecting: the call as it rang, where it stands now, and the notes stored so far.
 *
 * @param state ringing, active (the operator is talking) or ended (waiting for {@code finish-call})
 */
public record ActiveCall(ServerMessage.IncomingCall call, State state, Instant answeredAt, Instant endedAt,
                         CallDisposition disposition, CallNotes notes) {

    public enum State {
        RINGING, ACTIVE, ENDED;

        @com.fasterxml.jackson.annotation.JsonValue
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
